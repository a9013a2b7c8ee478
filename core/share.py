"""Share links that send nothing anywhere until the visitor clicks one.

Plain links (e-mail, Telegram, WhatsApp) built on the server; the browser's own share sheet
and a copy button are added by ``campaign_kit/share.js`` where the browser has them. No
third-party script, image or request is on the page. Signal has no public address for
sharing a text; its readers use the share sheet or copy the link.
"""

from urllib.parse import quote, urlencode


def links(url, title, text=""):
    """``{"url", "title", "text", "email", "telegram", "whatsapp"}`` for a share block."""
    message = f"{text or title} {url}".strip()
    return {
        "url": url,
        "title": title,
        "text": text,
        "email": "mailto:?" + urlencode({"subject": title, "body": message}, quote_via=quote),
        "telegram": "https://t.me/share/url?"
        + urlencode({"url": url, "text": text or title}, quote_via=quote),
        "whatsapp": "https://wa.me/?" + urlencode({"text": message}, quote_via=quote),
    }
