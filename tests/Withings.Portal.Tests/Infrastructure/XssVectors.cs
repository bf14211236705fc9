namespace Withings.Portal.Tests.Infrastructure;

/// <summary>30 classic XSS vectors, each calling <c>alert</c>: every text input must give them back as text, never as markup.</summary>
public static class XssVectors
{
    public static readonly string[] All =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=javascript:alert(1)>",
        "<body onload=alert(1)>", "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<details open ontoggle=alert(1)>", "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)>", "<object data=javascript:alert(1)>", "<embed src=javascript:alert(1)>", "<marquee onstart=alert(1)>",
        "javascript:alert(1)", "<scr<script>ipt>alert(1)</script>", "<ScRiPt>alert(1)</sCrIpT>", "%3Cscript%3Ealert(1)%3C/script%3E",
        "&lt;script&gt;alert(1)&lt;/script&gt;", "<style>@import'javascript:alert(1)';</style>", "<link rel=stylesheet href=javascript:alert(1)>",
        "<form action=javascript:alert(1)><button>x</button></form>", "<isindex type=image src=1 onerror=alert(1)>", "<base href=javascript:alert(1)//>",
        "<meta http-equiv=refresh content=0;url=javascript:alert(1)>", "{{constructor.constructor('alert(1)')()}}", "<template><script>alert(1)</script></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "\u003cscript\u003ealert(1)\u003c/script\u003e",
    ];
}
