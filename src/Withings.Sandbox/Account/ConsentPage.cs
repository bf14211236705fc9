using System.Text;
using System.Text.Encodings.Web;
using Withings.Sandbox.Data;

namespace Withings.Sandbox.Account;

/// <summary>
/// The authorize2 consent page: a plain HTML form (no JavaScript), labelled controls, a small inline stylesheet.
/// Every query parameter travels on as a hidden field so the POST sees exactly what the partner sent.
/// </summary>
internal static class ConsentPage
{
    private static readonly Dictionary<string, string> ScopeText = new(StringComparer.Ordinal)
    {
        ["user.info"] = "Your profile information",
        ["user.metrics"] = "Your measurements: weight, body composition, blood pressure, temperature, heart",
        ["user.activity"] = "Your activity, workouts and sleep",
        ["user.sleepevents"] = "Notifications when you get in and out of bed",
    };

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1b1f24;margin:0;padding:2rem 1rem}
        main{max-width:34rem;margin:0 auto;background:#fff;border-radius:12px;box-shadow:0 2px 10px rgba(0,0,0,.08);padding:1.5rem 2rem}
        h1{font-size:1.4rem;margin:0 0 .25rem}p.note{color:#4a5561;margin:.25rem 0 1rem}
        fieldset{border:1px solid #cfd6dd;border-radius:8px;margin:1rem 0;padding:.75rem 1rem}legend{font-weight:600;padding:0 .25rem}
        label{display:block;padding:.4rem 0;cursor:pointer}label span{display:block;color:#4a5561;font-size:.9rem;margin-left:1.6rem}
        ul{margin:.25rem 0 0 1.2rem;padding:0}li{margin:.2rem 0}
        .actions{display:flex;gap:.75rem;margin-top:1.25rem}
        button{font:inherit;border-radius:6px;padding:.6rem 1.2rem;border:1px solid #0b5cad;cursor:pointer}
        button.allow{background:#0b5cad;color:#fff}button.cancel{background:#fff;color:#0b5cad}
        button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
        .sandbox{font-size:.85rem;color:#4a5561;border-top:1px solid #e3e7eb;margin-top:1.5rem;padding-top:.75rem}
        """;

    public static string Render(IReadOnlyDictionary<string, string> query, string appName, IReadOnlyList<SandboxUser> users, bool demoMode)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Allow ").Append(E(appName)).Append(" to access your Withings data</title><style>").Append(Style).Append("</style></head><body><main>")
            .Append("<h1>Allow ").Append(E(appName)).Append(" to access your Withings data?</h1>")
            .Append("<p class=\"note\">Withings API sandbox: simulated accounts, no real health data.</p>")
            .Append("<form method=\"post\">");
        foreach (var (name, value) in query)
        {
            if (name is not ("user" or "decision"))
            {
                html.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");
            }
        }

        html.Append("<fieldset><legend>").Append(demoMode ? "Account (demo mode)" : "Choose the account to link").Append("</legend>");
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            var id = $"user-{user.Id}";
            html.Append("<label for=\"").Append(id).Append("\"><input type=\"radio\" name=\"user\" id=\"").Append(id)
                .Append("\" value=\"").Append(user.Id).Append('"').Append(i == 0 ? " checked" : "").Append("> ")
                .Append(E(user.Name)).Append(" <span>").Append(E(user.Description)).Append("</span></label>");
        }
        html.Append("</fieldset>");

        var scopes = (query.GetValueOrDefault("scope") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        html.Append("<section aria-labelledby=\"scopes\"><h2 id=\"scopes\" style=\"font-size:1rem;margin:1rem 0 .25rem\">")
            .Append(E(appName)).Append(" asks for</h2><ul>");
        foreach (var scope in scopes)
        {
            html.Append("<li>").Append(E(ScopeText.GetValueOrDefault(scope, $"Unknown scope \"{scope}\" (ignored)"))).Append(" <code>").Append(E(scope)).Append("</code></li>");
        }
        if (scopes.Length == 0)
        {
            html.Append("<li>No scope was requested.</li>");
        }
        html.Append("</ul></section>")
            .Append("<div class=\"actions\"><button class=\"allow\" type=\"submit\" name=\"decision\" value=\"allow\">Allow this app</button>")
            .Append("<button class=\"cancel\" type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button></div></form>")
            .Append("<p class=\"sandbox\">After you choose, this page sends you back to the app's callback URL with a code that is valid for 30 seconds and can be used once.</p>")
            .Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>A short page for the errors the real consent page shows as text (e.g. "Invalid clientid").</summary>
    public static string Message(string title, string text) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><style>{Style}</style></head>" +
        $"<body><main><h1>{E(title)}</h1><p>{E(text)}</p></main></body></html>";

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
