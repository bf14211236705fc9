namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Words that tie a text to the Withings API, and names of other APIs. A text with no Withings marker gets no
/// diagnosis (a Fitbit "invalid_grant" is not a Withings problem); a text that also names another API must show
/// Withings-specific evidence for a topic (a Withings wording, a request to a Withings host, a Withings status).
/// </summary>
public static class WithingsMarkers
{
    public static readonly IReadOnlyList<string> Markers =
    [
        "withings", "wbsapi", "withingsmed", "health mate", "healthmate", "nokia health", "aiowithings",
        "oauth2_user/authorize", "authorize2", "requesttoken", "user.metrics", "user.sleepevents", "user.activity", "user.info", "getmeas", "getintradayactivity", "callbackurl",
        // Service paths and actions no other API uses together with these names.
        "v2/sleep", "v2/measure", "v2/heart", "getworkouts", "getnonce", "action=getsummary", "action=getactivity",
        "notify subscribe", "notify?action=subscribe", "v2/rawdata", "/rawdata/get", "/rawdata/activate",
        // Parameter and field names of Withings' data calls that no other API uses (getmeas' lastupdate and meastype,
        // its measuregrps answer, getactivity's startdateymd): a paste of the call or its answer names Withings.
        "lastupdate", "meastype", "measuregrps", "startdateymd", "enddateymd",
        // Notify's category parameter ("appli=1"), in the subscription request and in every notification Withings posts.
        "appli=",
        // Withings was Nokia Health in 2016–2018; clients of that time carry the name.
        "health.nokia.com", "nokia-weight-sync", "nokiaauth", "nokiaapi", "nokiacredentials", "python-nokia",
        // Withings devices: people describe their problem by the device whose data is missing.
        "scanwatch", "body cardio", "body+", "body comp", "body scan", "sleep analyzer", "steel hr", "bpm connect", "bpm core",
        "move ecg", "u-scan", "nokia body", "nokia steel",
        // Method names of the Python client (python_withings_api), which Home Assistant used too.
        "measure_get_meas", "sleep_get_summary", "notify_subscribe", "sleep_get(",
    ];

    public static readonly IReadOnlyList<string> OtherVendors =
    [
        "garmin", "fitbit", "strava", "stripe", "googleapis", "google fit", "google oauth", "accounts.google.com", "oura",
        "polar flow", "polaraccesslink", "dexcom", "healthkit", "spotify", "github.com/login", "api.github.com",
        "facebook", "graph.microsoft.com", "login.microsoftonline.com", "auth0", "okta", "salesforce", "shopify",
        "slack.com", "discord", "dropbox", "whoop", "suunto", "coros", "samsung health", "zepp", "amazon", "twilio",
        "paypal", "api.twitter.com", "x.com/i/oauth2", "terra api", "tryterra", "omron", "netatmo", "keycloak", "botocore",
        "aadsts", "azure", "panasonic", "homeconnect", "home connect", "nibe", "tesla", "ecobee", "myfitnesspal", "intervals.icu",
        "trainingpeaks", "zwift", "wahoo", "renpho", "xiaomi", "smartthings", "openweathermap",
        // Cloudflare fronts many APIs and prints its own 52x answers as JSON with a "status": not a Withings answer on its own.
        "cloudflare",
    ];

    /// <summary>How a reader writes the services above (the markers are matched lowercased); hosts stay as written.</summary>
    public static readonly IReadOnlyDictionary<string, string> VendorNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["garmin"] = "Garmin", ["fitbit"] = "Fitbit", ["strava"] = "Strava", ["stripe"] = "Stripe", ["googleapis"] = "Google APIs",
        ["google fit"] = "Google Fit", ["google oauth"] = "Google OAuth", ["oura"] = "Oura", ["polar flow"] = "Polar Flow",
        ["polaraccesslink"] = "Polar AccessLink", ["dexcom"] = "Dexcom", ["healthkit"] = "HealthKit", ["spotify"] = "Spotify",
        ["facebook"] = "Facebook", ["auth0"] = "Auth0", ["okta"] = "Okta", ["salesforce"] = "Salesforce", ["shopify"] = "Shopify",
        ["discord"] = "Discord", ["dropbox"] = "Dropbox", ["whoop"] = "WHOOP", ["suunto"] = "Suunto", ["coros"] = "COROS",
        ["samsung health"] = "Samsung Health", ["zepp"] = "Zepp", ["amazon"] = "Amazon", ["twilio"] = "Twilio", ["paypal"] = "PayPal",
        ["terra api"] = "Terra API", ["tryterra"] = "Terra", ["omron"] = "Omron", ["netatmo"] = "Netatmo", ["keycloak"] = "Keycloak",
        ["botocore"] = "AWS (botocore)", ["aadsts"] = "Microsoft Entra ID (AADSTS)", ["azure"] = "Azure", ["panasonic"] = "Panasonic",
        ["homeconnect"] = "Home Connect", ["home connect"] = "Home Connect", ["nibe"] = "NIBE", ["tesla"] = "Tesla", ["ecobee"] = "ecobee",
        ["myfitnesspal"] = "MyFitnessPal", ["trainingpeaks"] = "TrainingPeaks", ["zwift"] = "Zwift", ["wahoo"] = "Wahoo",
        ["renpho"] = "Renpho", ["xiaomi"] = "Xiaomi", ["smartthings"] = "SmartThings", ["openweathermap"] = "OpenWeatherMap",
        ["cloudflare"] = "Cloudflare",
    };

    public static string DisplayName(string vendor) => VendorNames.GetValueOrDefault(vendor, vendor);
}
