"""Draw the OpenGraph images (1200×630 PNG), one per page type and language,
into static/img/og/ (`make og-images`; the PNGs are committed).

Each is an HTML card (the site's mark, its name, the page type) photographed
by headless Chromium, so the Arabic is shaped by a real text engine with the
site's own Naskh font. Pages pick theirs in sscportal/templatetags/sharing.py.
"""

import base64
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import override

from sscportal import content_types
from sscportal.text.languages import direction

STATIC = Path(settings.BASE_DIR) / "static"
CHROMIUM = "/usr/bin/chromium"


def labels():
    return {"site": _("Initiatives, events and statements"), **content_types.share_images()}


def card(language, label):
    logo = base64.b64encode((STATIC / "img" / "logo.svg").read_bytes()).decode()
    font_file = STATIC / "fonts" / "noto-naskh-arabic-700.woff2"
    font = "data:font/woff2;base64," + base64.b64encode(font_file.read_bytes()).decode()
    return format_html(
        """<!DOCTYPE html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8"><style>
@font-face {{ font-family: Naskh; font-weight: 700; src: url("{font}"); }}
html, body {{ margin: 0; width: 1200px; height: 630px; }}
body {{ background: #0b5d57; color: #fff; font-family: Naskh, system-ui, sans-serif;
  display: flex; flex-direction: column; justify-content: center; padding: 0 90px;
  box-sizing: border-box; border-block-end: 28px solid #f2b134; }}
img {{ width: 150px; height: 150px; margin-block-end: 36px; }}
.name {{ font-size: 70px; font-weight: 700; line-height: 1.3; }}
.label {{ font-size: 46px; opacity: 0.95; margin-block-start: 12px; }}
</style></head><body><img src="data:image/svg+xml;base64,{logo}" alt="">
<div class="name">{name}</div><div class="label">{label}</div></body></html>""",
        lang=language,
        dir=direction(language),
        font=font,
        logo=logo,
        name=_("South-South Cooperation"),
        label=label,
    )


class Command(BaseCommand):
    help = "Draw the OpenGraph images of each page type and language into static/img/og/."

    def handle(self, *args, **options):
        from playwright.sync_api import sync_playwright

        out = STATIC / "img" / "og"
        out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 630})
            for language, _name in settings.LANGUAGES:
                with override(language):
                    for kind, label in labels().items():
                        page.set_content(card(language, label))
                        page.wait_for_timeout(100)
                        path = out / f"{kind}-{language}.png"
                        page.screenshot(path=str(path))
                        self.stdout.write(
                            f"{path.relative_to(STATIC)}: {path.stat().st_size} bytes"
                        )
            browser.close()
