using System.Text;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Splits a shell command into words (POSIX quoting, backslash and Windows <c>^</c> line continuations).</summary>
internal static class ShellWords
{
    public static List<string> Split(ReadOnlySpan<char> command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c is '\\' or '^' or '`' && i + 1 < command.Length && command[i + 1] is '\n' or '\r')
            {
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                Flush();
                continue;
            }
            inWord = true;
            if (c == '\'')
            {
                var end = command[(i + 1)..].IndexOf('\'');
                var stop = end < 0 ? command.Length : i + 1 + end;
                current.Append(command[(i + 1)..stop]);
                i = stop;
            }
            else if (c == '"')
            {
                i++;
                for (; i < command.Length && command[i] != '"'; i++)
                {
                    if (command[i] == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
                    {
                        i++;
                    }
                    current.Append(command[i]);
                }
            }
            else if (c == '\\' && i + 1 < command.Length)
            {
                current.Append(command[++i]);
            }
            else
            {
                current.Append(c);
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
        }
    }
}
