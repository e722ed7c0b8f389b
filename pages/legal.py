"""The site's legal pages: privacy notice, terms of use, content licence.

`manage.py setup_site_pages` (run by `load_reference_data`) creates each, in
both languages, when no page has its slug yet; after that they are ordinary
pages, edited in the admin, and a later run leaves them as they are. The
footer links them (front/templatetags/site_pages.py) by these slugs.

What the privacy notice says was checked against the site itself: the public
pages set no cookie and load nothing from elsewhere (the Content-Security-
Policy allows only the site's own files), there is no analytics, the server
logs are nginx's and gunicorn's access lines (deploy/), admin sign-ins are
django-axes' records (kept 30 days by deploy/systemd/sscportal-cleanup), and
error reports to Sentry carry no personal data (send_default_pii=False), and
an e-mail alert subscription keeps only what alerts/models.py holds, deleted
as settings.ALERTS_* say (alerts/, `delete_stale_subscriptions`).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from sscportal.models import Status

from .models import Page

PRIVACY, TERMS, LICENCE = "privacy", "terms-of-use", "content-licence"
# In the order the footer lists them; after the site's other pages in menus.
LEGAL_SLUGS = (PRIVACY, TERMS, LICENCE)
FIRST_ORDER = 90

# The Arabic name of a licence the site may be configured with; any other is
# named as settings.CONTENT_LICENSE_NAME gives it, marked as English.
LICENCE_NAMES_AR = {
    "https://creativecommons.org/licenses/by/4.0/": (
        "رخصة المشاع الإبداعي: نَسب المُصنَّف 4.0 الدولية (CC BY 4.0)"
    ),
}

TITLES = {
    PRIVACY: ("Privacy notice", "إشعار الخصوصية"),
    TERMS: ("Terms of use", "شروط الاستخدام"),
    LICENCE: ("Content licence", "ترخيص المحتوى"),
}

PRIVACY_EN = """
<p>This site is published by {owner}. This notice says what the site keeps
about the people who use it. Questions about it: <a href="mailto:{email}">{email}</a>.</p>
<h2>Reading the site</h2>
<p>Every page can be read without an account. The public pages set no cookie,
run no analytics or advertising, and load nothing from other servers: their
fonts, images and scripts come from this site.</p>
<h2>Server logs</h2>
<p>For each request the web server records the time, the address of the
computer that sent it (its IP address), the page asked for, the answer given
and the browser's description of itself. The logs serve only to keep the site
running and secure and to trace faults, and are deleted as the server's logs
are rotated. A report of a page that failed may be sent to the site's
administrators; it does not include the reader's address or cookies.</p>
<h2>Editors' accounts</h2>
<p>Editors sign in to the site's administration. For each editor the site keeps
a user name, a name and e-mail address where given, and the password in a form
that cannot be read back. Every change saved is kept in the content's history,
with its time and its author. Each sign-in is recorded with its time, address
and browser for 30 days; failed attempts are kept until the lock-out they may
cause has ended.</p>
<h2>E-mail alerts</h2>
<p>Readers may subscribe to e-mail alerts about a country, an organization, a
Day or a list of the site. For each subscription the site keeps the e-mail
address, the language of the mails, what is followed and how often (daily or
weekly), and the dates the subscription was asked for, confirmed and last sent.
They serve only to send the alerts asked for and are shared with no one.</p>
<p>Nothing is sent before the address's owner confirms the subscription by the
link mailed to it; an address not confirmed within {unconfirmed_days} days is
deleted. Every alert has a link to unsubscribe in one click, and the
subscription is then deleted {unsubscribed_when}. To have an address deleted
otherwise, write to <a href="mailto:{email}">{email}</a>.</p>
<h2>Sharing</h2>
<p>The site sells and shares no personal data. Its share links are plain links:
nothing is sent to a social network unless you follow one.</p>
"""

PRIVACY_AR = """
<p>ينشر هذا الموقعَ {owner}. ويبيّن هذا الإشعار ما يحتفظ به الموقع من بيانات
عن مستخدميه. وتُوجَّه الأسئلة المتعلقة به إلى: <a href="mailto:{email}" dir="ltr">{email}</a>.</p>
<h2>تصفّح الموقع</h2>
<p>يمكن قراءة جميع الصفحات دون حساب. ولا تضع الصفحات العامة أي ملفات تعريف
ارتباط، ولا تستخدم أدوات تحليل أو إعلانات، ولا تحمّل شيئًا من خوادم أخرى:
فخطوطها وصورها وبرامجها النصية تأتي من هذا الموقع.</p>
<h2>سجلات الخادم</h2>
<p>يسجّل خادم الويب لكل طلب وقتَه، وعنوانَ الحاسوب الذي أرسله (عنوان بروتوكول الإنترنت)،
والصفحةَ المطلوبة، والردَّ المقدَّم، والوصفَ الذي يقدّمه المتصفح عن نفسه.
ولا تُستخدم هذه السجلات إلا لضمان عمل الموقع وأمنه وتتبّع الأعطال، وتُحذف مع
تدوير سجلات الخادم. وقد يُرسَل إلى مديري الموقع تقرير عن صفحة تعذّر عرضها،
دون أن يتضمن عنوان القارئ أو ملفات تعريف الارتباط.</p>
<h2>حسابات المحررين</h2>
<p>يسجّل المحررون دخولهم إلى إدارة الموقع. ويحتفظ الموقع لكل محرر باسم
المستخدم، وبالاسم وعنوان البريد الإلكتروني إن قُدِّما، وبكلمة المرور في صيغة
لا يمكن استرجاعها. ويُحفظ كل تغيير في سجل المحتوى مع وقته وصاحبه. ويُسجَّل كل
دخول مع وقته وعنوانه ومتصفحه لمدة 30 يومًا، أما محاولات الدخول الفاشلة فتُحفظ
إلى أن تنتهي مدة الحظر التي قد تترتب عليها.</p>
<h2>التنبيهات بالبريد الإلكتروني</h2>
<p>يمكن للقراء الاشتراك في تنبيهات بالبريد الإلكتروني عن بلد أو منظمة أو يوم
أو قائمة من قوائم الموقع. ويحتفظ الموقع لكل اشتراك بعنوان البريد الإلكتروني،
ولغة الرسائل، وما تجري متابعته ووتيرة التنبيهات (يومية أو أسبوعية)، وتواريخ
طلب الاشتراك وتأكيده وآخر إرسال. ولا تُستخدم هذه البيانات إلا لإرسال التنبيهات
المطلوبة، ولا تُشارَك مع أي جهة.</p>
<p>لا يُرسَل شيء قبل أن يؤكد صاحب العنوان اشتراكه بالرابط المرسَل إليه، ويُحذف
العنوان الذي لم يُؤكَّد خلال {unconfirmed_days} من الأيام. وفي كل تنبيه رابط
لإلغاء الاشتراك بنقرة واحدة، ويُحذف الاشتراك عندئذ {unsubscribed_when}.
ولطلب حذف عنوان بطريقة أخرى، يُرجى الكتابة إلى <a href="mailto:{email}" dir="ltr">{email}</a>.</p>
<h2>المشاركة</h2>
<p>لا يبيع الموقع أي بيانات شخصية ولا يشاركها. وروابط المشاركة فيه روابط عادية:
لا يُرسَل شيء إلى أي شبكة اجتماعية ما لم تتبع أحدها.</p>
"""

TERMS_EN = """
<p>These terms apply to the use of this site, published by {owner}. Using the
site means accepting them.</p>
<h2>Content</h2>
<p>The content is offered under the licence set out on the
<a href="{licence_page}">content licence</a> page. Statements are
published as delivered: the views they express are their speakers' and are not
necessarily those of the publisher.</p>
<h2>No warranty</h2>
<p>The content is provided as it is, for information. The publisher takes care
to keep it accurate but does not warrant that it is complete or current, and
accepts no liability for any loss arising from its use.</p>
<h2>Links to other sites</h2>
<p>Links to other sites are given for the reader's convenience; the publisher is
not responsible for their content.</p>
<h2>Designations</h2>
<p>The designations employed and the presentation of material on this site,
including its maps and lists of countries, do not imply the expression of any
opinion whatsoever on the part of the publisher concerning the legal status of
any country, territory, city or area or of its authorities, or concerning the
delimitation of its frontiers or boundaries.</p>
<h2>Contact</h2>
<p><a href="mailto:{email}">{email}</a></p>
"""

TERMS_AR = """
<p>تسري هذه الشروط على استخدام هذا الموقع الذي ينشره {owner}. ويعني استخدام
الموقع قبول هذه الشروط.</p>
<h2>المحتوى</h2>
<p>يُتاح المحتوى بموجب الترخيص المبيَّن في صفحة
<a href="{licence_page}">ترخيص المحتوى</a>. وتُنشر البيانات كما
أُلقيت، والآراء الواردة فيها آراء أصحابها ولا تعبّر بالضرورة عن آراء الناشر.</p>
<h2>إخلاء المسؤولية</h2>
<p>يُقدَّم المحتوى على حاله لأغراض الإعلام. ويحرص الناشر على دقته، لكنه لا
يضمن اكتماله أو حداثته، ولا يتحمل أي مسؤولية عن أي خسارة تنشأ عن استخدامه.</p>
<h2>الروابط إلى مواقع أخرى</h2>
<p>تُقدَّم الروابط إلى المواقع الأخرى تيسيرًا على القارئ، ولا يتحمل الناشر
مسؤولية محتواها.</p>
<h2>التسميات</h2>
<p>لا تنطوي التسميات المستخدمة في هذا الموقع، ولا طريقة عرض مادته، بما في ذلك
خرائطه وقوائم البلدان، على التعبير عن أي رأي كان من جانب الناشر بشأن المركز
القانوني لأي بلد أو إقليم أو مدينة أو منطقة أو لسلطات أي منها، أو بشأن تعيين
تخومها أو حدودها.</p>
<h2>الاتصال</h2>
<p><a href="mailto:{email}" dir="ltr">{email}</a></p>
"""

LICENCE_EN = """
<p>Unless a page says otherwise, the texts and data published on this site by
{owner} are offered under the <a href="{licence_url}">{licence_name}</a>
licence. You may copy, share and adapt them for any purpose, including
commercially, provided you credit the source, with a link to the page used.</p>
<p>Statements, reports and other documents by other authors remain theirs: the
site reproduces them for information, and their own terms apply.</p>
<p>Every list and the whole content can be downloaded under the same licence
from the <a href="{data_page}">open data</a> page, which also says how to cite
them.</p>
<p>The site's name and emblem may not be used to suggest that the publisher
endorses a product, service or view.</p>
"""

LICENCE_AR = """
<p>ما لم تذكر الصفحة خلاف ذلك، تُتاح النصوص والبيانات التي ينشرها {owner} في
هذا الموقع بموجب <a href="{licence_url}">{licence_name}</a>. ويجوز
نسخها ومشاركتها وتكييفها لأي غرض، بما في ذلك الأغراض التجارية، شريطة ذكر
المصدر مع رابط إلى الصفحة المستخدمة.</p>
<p>تبقى البيانات والتقارير وغيرها من الوثائق التي أعدّها مؤلفون آخرون ملكًا
لأصحابها: فالموقع ينقلها لأغراض الإعلام، وتسري عليها شروطها الخاصة.</p>
<p>يمكن تنزيل كل قائمة والمحتوى كله بموجب الترخيص نفسه من صفحة
<a href="{data_page}">البيانات المفتوحة</a>، التي تبيّن أيضًا طريقة الاستشهاد بها.</p>
<p>لا يجوز استخدام اسم الموقع أو شعاره للإيحاء بأن الناشر يؤيد منتجًا أو خدمة
أو رأيًا.</p>
"""

BODIES = {
    PRIVACY: (PRIVACY_EN, PRIVACY_AR),
    TERMS: (TERMS_EN, TERMS_AR),
    LICENCE: (LICENCE_EN, LICENCE_AR),
}


def _licence_name_ar():
    name = LICENCE_NAMES_AR.get(settings.CONTENT_LICENSE_URL)
    if name:
        return name
    # <em>: the rich-text allowlist keeps lang and dir on it, not on <span>.
    return format_html('<em lang="en" dir="ltr">{}</em>', settings.CONTENT_LICENSE_NAME)


def _unsubscribed_when(language):
    """When an unsubscribed address is deleted (ALERTS_UNSUBSCRIBED_DAYS), in words."""
    days = settings.ALERTS_UNSUBSCRIBED_DAYS
    if language == "ar":
        return "فورًا" if days == 0 else f"بعد مرور {days} من الأيام"
    return "at once" if days == 0 else f"after {days} days"


def _body(template, language):
    """A page's body with the configured owner, contact and licence (escaped)."""
    with translation.override(language):
        return format_html(
            template.strip(),
            owner=settings.SITE_OWNER_NAME.get(language) or settings.SITE_OWNER_NAME["en"],
            email=settings.SITE_OWNER_EMAIL,
            licence_url=settings.CONTENT_LICENSE_URL,
            licence_name=(
                settings.CONTENT_LICENSE_NAME if language == "en" else _licence_name_ar()
            ),
            licence_page=reverse("pages:page_detail", args=[LICENCE]),
            data_page=reverse("data"),
            unconfirmed_days=settings.ALERTS_UNCONFIRMED_DAYS,
            unsubscribed_when=_unsubscribed_when(language),
        )


def create_legal_pages():
    """Create, published, each legal page whose slug no page has; return how many.

    A page already there (edited, unpublished, or given that slug by hand) is
    left untouched: re-running never overwrites an editor's work.
    """
    existing = set(Page.objects.filter(slug__in=LEGAL_SLUGS).values_list("slug", flat=True))
    created = 0
    for offset, slug in enumerate(LEGAL_SLUGS):
        if slug in existing:
            continue
        (title_en, title_ar), (body_en, body_ar) = TITLES[slug], BODIES[slug]
        Page.objects.create(
            slug=slug,
            status=Status.PUBLISHED,
            order=FIRST_ORDER + offset,
            title_en=title_en,
            title_ar=title_ar,
            body_en=_body(body_en, "en"),
            body_ar=_body(body_ar, "ar"),
        )
        created += 1
    return created
