// The playground's callback URL carries the code and the state, which the server has already used. They are dropped from
// the address bar and the history before the page's interactive parts connect, so the browser does not send them again
// (to the circuit, on a reload, in a shared screenshot).
if (location.search) {
    history.replaceState(history.state, "", location.pathname);
}
