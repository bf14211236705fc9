// Progressive enhancements for static pages; everything works without this file.
// Heading anchors: a click also copies the section's full URL, so support staff can paste it in a reply.
document.addEventListener("click", event => {
    const anchor = event.target instanceof Element ? event.target.closest("a[data-copy-link]") : null;
    if (!anchor || !navigator.clipboard) {
        return;
    }
    const url = new URL(anchor.getAttribute("href"), location.href).href;
    navigator.clipboard.writeText(url).then(() => {
        anchor.classList.add("copied");
        setTimeout(() => anchor.classList.remove("copied"), 1500);
    }, () => { /* clipboard refused: the link still navigates */ });
});

// Copy buttons (hidden until this script runs, since they need it): copy the value or text of their target.
const showCopyButtons = () => {
    for (const button of document.querySelectorAll("button[data-copy-target]")) {
        button.hidden = false;
    }
};

// The paste box's draft: this tab keeps its last paste, as the server sent it back (secrets replaced by placeholders),
// so that "Save as a case" on a step page can bring it along. The form says what to do (see PasteBox.DraftInstruction).
const pasteDraftKey = "portal-paste-draft";
// Text typed but not sent yet may carry secrets, so it is never stored: it is kept in this script's memory, which
// outlives an enhanced navigation (a look at a topic, then Back) but not a reload or the tab.
let unsentPaste = "";
const pasteBoxSelector = "form[data-paste-box] textarea";
document.addEventListener("input", event => {
    if (event.target instanceof Element && event.target.matches(pasteBoxSelector)) {
        unsentPaste = event.target.value;
    }
});
document.addEventListener("submit", event => {
    if (event.target instanceof Element && event.target.matches("form[data-paste-box]")) {
        unsentPaste = "";
    }
}, true);
const followPasteDraft = () => {
    const form = document.querySelector("form[data-paste-box]");
    const box = form?.querySelector("textarea");
    if (!box) {
        return;
    }
    const instruction = form.dataset.pasteDraft;
    if (unsentPaste && !box.value && (instruction === undefined || instruction === "restore")) {
        box.value = unsentPaste;
        return;
    }
    try {
        switch (instruction) {
            case "keep":
                sessionStorage.setItem(pasteDraftKey, box.value);
                break;
            case "clear":
                sessionStorage.removeItem(pasteDraftKey);
                break;
            case "restore": {
                const draft = sessionStorage.getItem(pasteDraftKey);
                if (draft && !box.value) {
                    box.value = draft;
                    form.querySelector("input[name=paste-restored]").value = "true";
                    form.requestSubmit(form.querySelector("button[value=diagnose]"));
                }
                break;
            }
        }
    } catch { /* storage refused (private mode, quota): the box works without drafts */ }
};

// Code blocks of the help content (guides, FAQ, topic steps): a Copy button on each, added here because it needs this
// script; the cached HTML stays the same for every reader.
const addCodeCopyButtons = () => {
    for (const block of document.querySelectorAll(".portal-content pre")) {
        if (block.parentElement?.classList.contains("portal-code-block")) {
            continue;
        }
        const frame = document.createElement("div");
        frame.className = "portal-code-block";
        block.replaceWith(frame);
        frame.append(block);
        const button = document.createElement("button");
        button.type = "button";
        button.className = "portal-copy-button";
        button.dataset.copyCode = "";
        button.textContent = "Copy";
        button.setAttribute("aria-label", "Copy this code");
        frame.append(button);
    }
};

// Focus after an enhanced navigation: blazor.web.js swaps the page in place, so focus would stay on the link just
// followed (now gone) and a screen reader would not hear that a new page came. It goes to the new page's h1, as
// Blazor's <FocusOnNavigate> would do, or to the element the page marks with data-focus-after-navigation (a
// troubleshooter step's heading: the h1 is the topic's on every step), scrolled into view. Unlike <FocusOnNavigate>,
// not on a full page load, where the browser's own start (the first Tab reaches the skip link) is what keyboard users
// expect. Same rules otherwise: a post answered on the same path (a form) keeps focus where it is, and so does a reader
// who moved focus while the page was loading.
let pathBeforeNavigation = location.pathname;
let focusAfterNavigation = false;
window.Blazor?.addEventListener?.("enhancednavigationstart", () => {
    focusAfterNavigation = location.pathname !== pathBeforeNavigation;
    pathBeforeNavigation = location.pathname;
});
document.addEventListener("focusin", () => {
    focusAfterNavigation = false;
});
// An in-page link (the skip link; search's "Show 10 more", which ends in #result-11) puts focus on its target, as the
// browser does without this script: blazor.web.js takes such links over and only scrolls, which left focus on the link
// (the next Tab went to the app bar; after "Show 10 more", out of the page).
let fragmentAfterNavigation = "";
const focusFragment = hash => {
    const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (!target) {
        return false;
    }
    if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) {
        target.tabIndex = -1;
    }
    target.focus({ preventScroll: true });
    return true;
};
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a[href*='#']") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || link.target) {
        return;
    }
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname || url.hash.length < 2) {
        return;
    }
    // The same page: no navigation follows, the target is there. Another query of this page: it comes after the fetch.
    fragmentAfterNavigation = url.hash;
    setTimeout(() => {
        if (url.search === location.search && focusFragment(url.hash)) {
            fragmentAfterNavigation = "";
        }
    });
});
window.Blazor?.addEventListener?.("enhancednavigationend", () => {
    const fragment = fragmentAfterNavigation;
    fragmentAfterNavigation = "";
    if (fragment && location.hash === fragment && focusFragment(fragment)) {
        pathBeforeNavigation = location.pathname;
        focusAfterNavigation = false;
        return;
    }
    // A redirect (a form answered by another page) lands on another path without a start of its own.
    const moved = focusAfterNavigation || location.pathname !== pathBeforeNavigation;
    pathBeforeNavigation = location.pathname;
    focusAfterNavigation = false;
    const marked = moved ? document.querySelector("#main-content [data-focus-after-navigation]") : null;
    const target = marked ?? (moved ? document.querySelector("#main-content h1") : null);
    if (target) {
        // Focusable from script only: a heading is no stop for Tab.
        if (!target.hasAttribute("tabindex")) {
            target.tabIndex = -1;
        }
        // The h1 is at the top, where the navigation scrolled; a marked element may be further down (on a phone).
        target.focus({ preventScroll: !marked });
    }
});

const enhancePage = () => {
    showCopyButtons();
    addCodeCopyButtons();
    followPasteDraft();
};
enhancePage();
// A page that answers a plain form with a full load (a troubleshooter step's live check) marks its answer; focus goes
// there, so a screen reader reads it and the next Tab continues from it, instead of starting again at the top.
// After the load: the browser's own move to the address's #fragment comes then, and would take focus back to the page.
// Not if the reader has already moved focus.
const focusArrival = () => {
    if (document.activeElement === document.body || document.activeElement === null) {
        document.querySelector("#main-content [data-focus-on-arrival]")?.focus({ preventScroll: true });
    }
};
if (document.readyState === "complete") {
    setTimeout(focusArrival);
} else {
    window.addEventListener("load", () => setTimeout(focusArrival), { once: true });
}
// The theme toggle is a plain post answered by a full load (it works without this script); its reader's focus comes
// back to it, rather than to the top of the page five Tabs away.
// Only after a keyboard press: a mouse user's focus ring would just stand out on the new page.
const themeToggleFocusKey = "portal-focus-theme-toggle";
let lastInputWasPointer = false;
document.addEventListener("pointerdown", () => { lastInputWasPointer = true; }, true);
document.addEventListener("keydown", () => { lastInputWasPointer = false; }, true);
document.addEventListener("submit", event => {
    if (!lastInputWasPointer && event.target instanceof Element && event.target.matches("form.portal-theme-toggle")) {
        try { sessionStorage.setItem(themeToggleFocusKey, "1"); } catch { /* storage refused: focus starts at the top */ }
    }
});
try {
    if (sessionStorage.getItem(themeToggleFocusKey)) {
        sessionStorage.removeItem(themeToggleFocusKey);
        // Both buttons may be rendered (one per system scheme); the one shown is the one to focus.
        [...document.querySelectorAll("form.portal-theme-toggle button")].find(button => button.offsetParent !== null)?.focus();
    }
} catch { /* storage refused */ }
// Enhanced navigation and enhanced form posts swap the page without running this file again.
window.Blazor?.addEventListener?.("enhancedload", enhancePage);
document.addEventListener("click", event => {
    const button = event.target instanceof Element ? event.target.closest("button[data-copy-target], button[data-copy-code]") : null;
    const target = !button ? null
        : "copyCode" in button.dataset ? button.parentElement.querySelector("pre")
        : document.getElementById(button.dataset.copyTarget);
    if (!target || !navigator.clipboard) {
        return;
    }
    const text = "value" in target ? target.value : target.textContent;
    navigator.clipboard.writeText(text).then(() => {
        button.classList.add("copied");
        setTimeout(() => button.classList.remove("copied"), 1500);
    }, () => { /* clipboard refused: the text stays selectable */ });
});

// The small-screen menu (a <details>, which opens and closes with its button without this script) closes as a menu
// does: on Escape, with focus back on its button; when focus leaves it; on a click or tap outside. Left open, it covered
// the page and the search box that Tab reached next.
const smallMenuSelector = "details.portal-small-menu[open]";
document.addEventListener("keydown", event => {
    const menu = event.key === "Escape" && event.target instanceof Element ? event.target.closest(smallMenuSelector) : null;
    if (menu) {
        menu.open = false;
        menu.querySelector("summary")?.focus();
    }
});
document.addEventListener("focusout", event => {
    const menu = event.target instanceof Element ? event.target.closest(smallMenuSelector) : null;
    // No next element: the window lost focus (another app), not the menu.
    if (menu && event.relatedTarget instanceof Node && !menu.contains(event.relatedTarget)) {
        menu.open = false;
    }
});
document.addEventListener("click", event => {
    for (const menu of document.querySelectorAll(smallMenuSelector)) {
        if (!(event.target instanceof Node) || !menu.contains(event.target)) {
            menu.open = false;
        }
    }
});

// Fields with data-max-length in a GET form: a paste over the limit is refused here with the form's own message,
// before it becomes an address so long that the server answers 414 instead of the page (the page says the same
// thing for what gets through without this script).
document.addEventListener("submit", event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) {
        return;
    }
    for (const field of form.querySelectorAll("[data-max-length]")) {
        const message = document.getElementById(field.dataset.tooLongTarget);
        if (field.value.length > Number(field.dataset.maxLength)) {
            event.preventDefault();
            event.stopPropagation();
            if (message) {
                message.textContent = field.dataset.tooLong.replace("{0}", String(field.value.length));
                message.hidden = false;
            }
            field.setAttribute("aria-invalid", "true");
            field.focus();
            return;
        }
        if (message) {
            message.hidden = true;
        }
        field.removeAttribute("aria-invalid");
    }
}, true);

// A field with data-enter-submits="<button id>" submits its form with that button on Enter. A form has one default
// button for implicit submission (its first), which is wrong for a field that sits next to its own button.
document.addEventListener("keydown", event => {
    if (event.key !== "Enter" || event.isComposing || !(event.target instanceof HTMLInputElement)) {
        return;
    }
    const field = event.target;
    const button = field.dataset.enterSubmits ? document.getElementById(field.dataset.enterSubmits) : null;
    if (field.form && button && button.form === field.form) {
        event.preventDefault();
        field.form.requestSubmit(button);
    }
});

// A select with data-submits-on-change posts its form when a mouse, a finger or a pen changes it (the playground's data
// call: the chosen call's own fields come back at once). Not when the keyboard changes it: arrows on a closed select
// change the value at each press (Windows, Linux, screen readers), and a post per press re-rendered the fields under
// the reader and, on a slow line, brought back the value of the first post's answer over the one chosen since. The
// keyboard's choice is posted with the form's own button beside the select, as every choice is without this script.
const submitsOnChange = target =>
    target instanceof HTMLSelectElement && target.hasAttribute("data-submits-on-change") ? target : null;
const changedByPointer = new WeakSet();
document.addEventListener("pointerdown", event => {
    const select = submitsOnChange(event.target);
    if (select) {
        changedByPointer.add(select);
    }
}, true);
document.addEventListener("keydown", event => {
    const select = submitsOnChange(event.target);
    if (select) {
        changedByPointer.delete(select);
    }
}, true);
document.addEventListener("change", event => {
    const select = submitsOnChange(event.target);
    if (select && changedByPointer.has(select)) {
        select.form?.requestSubmit();
    }
});

// Countdowns (the playground's token expiry and code lifetime): the server renders the time left and data-countdown-ms;
// this counts it down each second, in the server's words (data-countdown-style, -suffix, -over). A clock needs no
// circuit. An element whose data-countdown-ms changes (a later post rendered it again) starts over from the new value.
const countdowns = new WeakMap();
const countDown = () => {
    const now = performance.now();
    for (const element of document.querySelectorAll("[data-countdown-ms]")) {
        const rendered = element.dataset.countdownMs;
        let state = countdowns.get(element);
        if (!state || state.rendered !== rendered) {
            state = { rendered, deadline: now + Number(rendered) };
            countdowns.set(element, state);
        }
        const left = state.deadline - now;
        let text;
        if (left <= 0) {
            text = element.dataset.countdownOver ?? "0 s";
        } else if (element.dataset.countdownStyle === "hours") {
            const seconds = Math.floor(left / 1000);
            const pad = value => String(value).padStart(2, "0");
            text = `${Math.floor(seconds / 3600)} h ${pad(Math.floor(seconds / 60) % 60)} min ${pad(seconds % 60)} s`;
        } else {
            text = `${Math.ceil(left / 1000)}${element.dataset.countdownSuffix ?? " s"}`;
        }
        if (element.textContent !== text) {
            element.textContent = text;
        }
    }
};
setInterval(countDown, 1000);

// A form post in flight ignores further submits of that form: a double click on "Refresh the tokens" sent two refreshes,
// and the second one's 601 hid the first one's success. Only server-rendered forms (method="post"; interactive ones
// post nothing). An enhanced post ends with "enhancedload", which also re-renders the form; a plain one leaves the
// page, and a page restored from the back-forward cache starts free again.
document.addEventListener("submit", event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method !== "post" || event.defaultPrevented) {
        return;
    }
    if (form.hasAttribute("data-submitting")) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
    }
    const submission = String(performance.now());
    form.setAttribute("data-submitting", submission);
    form.setAttribute("aria-busy", "true");
    // A post whose answer never comes back (the connection dropped) must not lock its form for good.
    setTimeout(() => {
        if (form.getAttribute("data-submitting") === submission) {
            form.removeAttribute("data-submitting");
            form.removeAttribute("aria-busy");
        }
    }, 30000);
}, true);
const releaseSubmittingForms = () => {
    for (const form of document.querySelectorAll("form[data-submitting]")) {
        form.removeAttribute("data-submitting");
        form.removeAttribute("aria-busy");
    }
};
window.Blazor?.addEventListener?.("enhancedload", releaseSubmittingForms);
window.addEventListener("pageshow", releaseSubmittingForms);
