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
