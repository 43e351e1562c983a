"""livesim's live view in the browser: the set as Live shows it, and the OSC traffic that changes it.

    from livesim.web import WebView
    web = WebView(host, port=8011)   # before host.start(), so the traffic log sees the script's sockets
    web.start(); print(web.url) ... web.close()

``livesim --web [PORT]`` does this.  The page (static/: plain HTML, CSS and JavaScript) follows
the set over Server-Sent Events and changes it through the same ``Live`` objects the script uses,
on the host thread (see server.py and model.py).
"""
from livesim.web.server import DEFAULT_PORT, WebView

__all__ = ["DEFAULT_PORT", "WebView"]
