"""Reading an admin change form the way a browser would submit it, for tests that post it back."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
                return
            self.data.setdefault(name, []).append(attrs.get("value", ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += (
                data.removeprefix("\n") if not self.data[self._textarea][0] else data
            )


def change_form_data(client, url):
    """The fields of the admin form at `url`, as a POST of it unchanged would send them."""
    reader = _FormReader()
    html = client.get(url).text
    reader.feed(html.split('id="content-main"', 1)[1])
    data = {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}
    data["_save"] = "Save"
    return data


def opened_version(client, url):
    """The version the change form at `url` is opened at, for a hand-made POST of it."""
    return change_form_data(client, url)["_opened_version"]
