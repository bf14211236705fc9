using System.Buffers;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// Reads a shell command word by word (POSIX quoting, backslash and Windows <c>^</c> / PowerShell <c>`</c> line
/// continuations). A word without quotes or escapes is a slice of the command itself and any other is assembled in
/// one reused buffer, so reading allocates nothing per word: a pasted megabyte of curl is mostly words nobody keeps.
/// </summary>
internal ref struct ShellWords
{
    // Every character that ends a plain run: any whitespace (a command copied from a web page can hold no-break
    // spaces), quotes, and the escape and continuation marks.
    private static readonly SearchValues<char> PlainRunEnds = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace), '\'', '"', '\\', '^', '`']);
    private static readonly SearchValues<char> DoubleQuotedRunEnds = SearchValues.Create("\"\\");

    private readonly ReadOnlySpan<char> command;
    private int position;
    private char[] buffer;
    private int length;

    public ShellWords(ReadOnlySpan<char> command)
    {
        this.command = command;
        buffer = [];
    }

    /// <summary>The next word; valid until the next call (call <c>ToString()</c> on it to keep it).</summary>
    public bool Next(out ReadOnlySpan<char> word)
    {
        length = 0;
        var inWord = false;
        var i = position;
        while (i < command.Length)
        {
            var run = command[i..].IndexOfAny(PlainRunEnds);
            var runEnd = run < 0 ? command.Length : i + run;
            if (runEnd > i)
            {
                if (!inWord && (runEnd == command.Length || char.IsWhiteSpace(command[runEnd])))
                {
                    position = runEnd;
                    word = command[i..runEnd];
                    return true;
                }
                Append(command[i..runEnd]);
                inWord = true;
                i = runEnd;
                continue;
            }

            var c = command[i];
            if (c is '\\' or '^' or '`' && i + 1 < command.Length && command[i + 1] is '\n' or '\r')
            {
                i += 2;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                if (inWord)
                {
                    break;
                }
                continue;
            }
            inWord = true;
            if (c == '\'')
            {
                var end = command[(i + 1)..].IndexOf('\'');
                var stop = end < 0 ? command.Length : i + 1 + end;
                Append(command[(i + 1)..stop]);
                i = stop + 1;
            }
            else if (c == '"')
            {
                i++;
                while (i < command.Length && command[i] != '"')
                {
                    var quoted = command[i..].IndexOfAny(DoubleQuotedRunEnds);
                    var quotedEnd = quoted < 0 ? command.Length : i + quoted;
                    Append(command[i..quotedEnd]);
                    i = quotedEnd;
                    if (i < command.Length && command[i] == '\\')
                    {
                        // Inside double quotes a backslash escapes only " \ $ and `; before anything else it stays.
                        if (i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
                        {
                            i++;
                        }
                        Append(command.Slice(i, 1));
                        i++;
                    }
                }
                i++;
            }
            else if (c == '\\' && i + 1 < command.Length)
            {
                Append(command.Slice(i + 1, 1));
                i += 2;
            }
            else
            {
                Append(command.Slice(i, 1));
                i++;
            }
        }
        position = Math.Min(i, command.Length);
        word = buffer.AsSpan(0, length);
        return inWord;
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (length + chars.Length > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(64, Math.Max(buffer.Length * 2, length + chars.Length)));
        }
        chars.CopyTo(buffer.AsSpan(length));
        length += chars.Length;
    }

    /// <summary>All the words of a command, as strings.</summary>
    public static List<string> Split(ReadOnlySpan<char> command)
    {
        var words = new List<string>();
        var reader = new ShellWords(command);
        while (reader.Next(out var word))
        {
            words.Add(word.ToString());
        }
        return words;
    }
}
