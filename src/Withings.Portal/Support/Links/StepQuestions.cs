using System.Globalization;
using Withings.Portal.Troubleshooting.Signals;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Support.Links;

/// <summary>
/// What "Make a link" can pre-fill on a step: the query values (<see cref="TopicVocabulary.QueryKeys"/>) that the
/// answers of this step, and of the steps after it, test in their <c>when</c>, each with the values those tests accept.
/// A link carrying them opens the step and walks on as far as the values answer (<see cref="StepNavigator"/>).
/// </summary>
public static class StepQuestions
{
    /// <summary>A query key a step can be answered by; <see cref="Choices"/> is empty for a number (<c>age</c>).</summary>
    public sealed record Question(string Key, IReadOnlyList<string> Choices)
    {
        public bool IsNumber => Choices.Count == 0;
    }

    /// <summary>What a support person reads for a query key: what the customer's answer is about, not the key itself.</summary>
    public static string Label(string key) => key switch
    {
        "status" => "status: the status in Withings' answer",
        "endpoint" => "endpoint: which call failed",
        "grant_type" => "grant_type: what the token call asked for",
        "method" => "method: the HTTP method of the call",
        "params" => "params: where the call's parameters went",
        "host" => "host: the host the call went to",
        "action" => "action: the action parameter of the call",
        "age" => "age: seconds between the redirect with the code and its exchange",
        "url" => "url: what the callback-URL check found",
        "registered" => "registered: whether the redirect_uri is one the app registered",
        _ => key,
    };

    /// <summary>A value as the select offers it: the value the link carries, then what it means.</summary>
    public static string ChoiceLabel(string key, string value) => key switch
    {
        "status" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) =>
            $"{value} ({Withings.Client.WithingsStatusCodes.FamilyOf(code)})",
        "endpoint" => $"{value}: {EndpointKinds.Describe(value).Replace("`", "", StringComparison.Ordinal)}",
        "url" => value switch
        {
            "invalid" => "invalid: not a URL, too long, or with a #fragment",
            "local" => "local: localhost or an IP address",
            "http" => "http: not https",
            "port" => "port: a port other than 80 or 443",
            "ok" => "ok: passes Withings' rules",
            _ => value,
        },
        "host" => value switch
        {
            "api" => "api: wbsapi.withings.net",
            "api-com" => "api-com: wbsapi.withings.com (the wrong host)",
            "account" => "account: account.withings.com",
            "us" => "us: the US medical cloud",
            "other" => "other: another host",
            _ => value,
        },
        "params" => value switch
        {
            "query" => "query: in the address",
            "body" => "body: a form body",
            "json" => "json: a JSON body",
            _ => value,
        },
        "registered" => value == "yes" ? "yes: it is registered" : value == "no" ? "no: it is not registered" : value,
        _ => value,
    };

    public static IReadOnlyList<Question> For(Topic topic, TopicStep step)
    {
        var choices = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var when in Reachable(topic, step).SelectMany(s => s.Answers).Select(a => a.When).OfType<StepCondition>())
        {
            Add("status", when.Status.Select(s => s.ToString(CultureInfo.InvariantCulture)));
            Add("endpoint", when.Endpoint);
            Add("grant_type", when.GrantType);
            Add("method", when.Method);
            Add("params", when.Params);
            Add("host", when.Host);
            Add("action", when.Action);
            Add("url", when.Url);
            Add("registered", when.Registered);
            if (when.AgeOver is not null || when.AgeAtMost is not null)
            {
                choices.TryAdd("age", []);
            }
        }
        return TopicVocabulary.QueryKeys.Where(choices.ContainsKey).Select(k => new Question(k, choices[k].ToList())).ToList();

        void Add(string key, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count == 0)
            {
                return;
            }
            if (!choices.TryGetValue(key, out var set))
            {
                choices[key] = set = new SortedSet<string>(StringComparer.Ordinal);
            }
            set.UnionWith(list);
        }
    }

    /// <summary>
    /// The query string for the chosen answers (<c>status=503&amp;endpoint=token</c>), keeping only this step's keys with
    /// a value they accept; anything else in <paramref name="answers"/> is reported, never passed on.
    /// </summary>
    public static (string Query, IReadOnlyList<string> Problems) Build(Topic topic, TopicStep step, IReadOnlyDictionary<string, string?> answers)
    {
        var problems = new List<string>();
        var pairs = new List<string>();
        foreach (var question in For(topic, step))
        {
            if (!answers.TryGetValue(question.Key, out var value) || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            value = value.Trim();
            var accepted = question.IsNumber
                ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
                : question.Choices.Contains(value, StringComparer.Ordinal);
            if (accepted)
            {
                pairs.Add($"{question.Key}={Uri.EscapeDataString(value)}");
            }
            else
            {
                problems.Add(question.IsNumber
                    ? $"{question.Key} must be a number of seconds."
                    : $"{question.Key} must be one of: {string.Join(", ", question.Choices)}.");
            }
        }
        return (string.Join('&', pairs), problems);
    }

    private static IEnumerable<TopicStep> Reachable(Topic topic, TopicStep from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<TopicStep>([from]);
        while (queue.TryDequeue(out var step))
        {
            if (!seen.Add(step.Id))
            {
                continue;
            }
            yield return step;
            foreach (var next in step.Answers.Select(a => topic.FindStep(a.Next)).OfType<TopicStep>())
            {
                queue.Enqueue(next);
            }
        }
    }
}
