"""Arabic interface strings, kept as data so `make messages` can refill the catalogue.

Run `python locale/translations_ar.py` after `manage.py makemessages -l ar`:
it fills every empty msgstr it knows and lists those it does not.
Plural entries give the six Arabic forms: 0, 1, 2, 3-10, 11-99, 100+.
"""

SINGULAR = {
    # Apps and models
    "Site": "الموقع",
    "Initiatives and countries": "المبادرات والبلدان",
    "Observances and events": "الأيام الدولية والفعاليات",
    "Statements": "البيانات",
    "year": "السنة",
    "date": "التاريخ",
    "theme": "الموضوع",
    "summary": "الملخص",
    "created": "تاريخ الإنشاء",
    "updated": "آخر تحديث",
    "observance": "الاحتفال باليوم",
    "observances": "الاحتفالات باليوم",
    "The date must fall in the observance's year.": "يجب أن يقع التاريخ في سنة الاحتفال.",
    "%(name)s is not an IANA time zone name (e.g. America/New_York).": "%(name)s ليس اسم منطقة زمنية وفق قاعدة IANA (مثل America/New_York).",
    "title": "العنوان",
    "description": "الوصف",
    "venue": "المكان",
    "starts at": "يبدأ في",
    "ends at": "ينتهي في",
    "time zone": "المنطقة الزمنية",
    "The venue's IANA time zone, e.g. America/New_York or Europe/Istanbul.": "المنطقة الزمنية لمكان الفعالية وفق قاعدة IANA، مثل America/New_York أو Europe/Istanbul.",
    "online": "عبر الإنترنت",
    "link": "الرابط",
    "host country": "البلد المضيف",
    "organizers": "الجهات المنظمة",
    "event": "الفعالية",
    "events": "الفعاليات",
    "The end cannot be before the start.": "لا يمكن أن تكون النهاية قبل البداية.",
    "Classification": "التصنيف",
    "Source": "المصدر",
    "unknown country code": "رمز بلد غير معروف",
    "unknown M49 region code": "رمز منطقة M49 غير معروف",
    "unknown organization": "منظمة غير معروفة",
    "Words": "كلمات البحث",
    "Country": "البلد",
    "Region": "المنطقة",
    "SDG": "هدف التنمية المستدامة",
    "Modality": "الطريقة",
    "Any": "الكل",
    "Stage": "المرحلة",
    "Year": "السنة",
    "Kind": "النوع",
    "M49 code": "رمز M49",
    "name": "الاسم",
    "region": "المنطقة",
    "regions": "المناطق",
    "sub-region": "المنطقة الفرعية",
    "Low income": "منخفض الدخل",
    "Lower-middle income": "الشريحة الدنيا من الدخل المتوسط",
    "Upper-middle income": "الشريحة العليا من الدخل المتوسط",
    "High income": "مرتفع الدخل",
    "ISO 3166-1 alpha-2": "ISO 3166-1 الثنائي",
    "ISO 3166-1 alpha-3": "ISO 3166-1 الثلاثي",
    "income group": "فئة الدخل",
    "country": "البلد",
    "countries": "البلدان",
    "number": "الرقم",
    "Sustainable Development Goal": "هدف التنمية المستدامة",
    "Sustainable Development Goals": "أهداف التنمية المستدامة",
    "UN entity": "كيان تابع للأمم المتحدة",
    "Government": "حكومة",
    "Intergovernmental organization": "منظمة حكومية دولية",
    "Development bank": "مصرف إنمائي",
    "Academia": "الأوساط الأكاديمية",
    "Civil society": "المجتمع المدني",
    "Private sector": "القطاع الخاص",
    "Other": "أخرى",
    "key": "المفتاح",
    "acronym": "الاسم المختصر",
    "kind": "النوع",
    "website": "الموقع الإلكتروني",
    "organization": "المنظمة",
    "organizations": "المنظمات",
    "Bilateral South-South": "ثنائي بين بلدان الجنوب",
    "Triangular": "ثلاثي",
    "Regional": "إقليمي",
    "Planned": "مخطط",
    "Ongoing": "جارٍ",
    "Completed": "مكتمل",
    "modality": "الطريقة",
    "stage": "المرحلة",
    "start date": "تاريخ البدء",
    "end date": "تاريخ الانتهاء",
    "partners": "الشركاء",
    "source link": "رابط المصدر",
    "initiative": "المبادرة",
    "initiatives": "المبادرات",
    "The end date cannot be before the start date.": "لا يمكن أن يسبق تاريخ الانتهاء تاريخ البدء.",
    "Provider": "مقدّم",
    "Recipient": "مستفيد",
    "Provider and recipient": "مقدّم ومستفيد",
    "role": "الدور",
    "country and role": "البلد ودوره",
    "countries and roles": "البلدان وأدوارها",
    "Funder": "ممول",
    "Implementer": "منفذ",
    "Facilitator": "ميسّر",
    "partner and role": "الشريك ودوره",
    "partners and roles": "الشركاء وأدوارهم",
    "Draft": "مسودة",
    "Published": "منشور",
    "slug": "المعرّف في الرابط",
    "status": "الحالة",
    "Give a text in English, Arabic or both.": "أدخل نصاً بالإنجليزية أو بالعربية أو بكلتيهما.",
    "English": "الإنجليزية",
    "Arabic": "العربية",
    "Message": "رسالة",
    "Speech": "خطاب",
    "Remarks": "كلمة",
    "Statement": "بيان",
    "Press release": "بيان صحفي",
    "body": "النص",
    "speaker": "المتحدث",
    "speaker's title": "صفة المتحدث",
    "delivered on": "تاريخ الإلقاء",
    "original language": "اللغة الأصلية",
    "ISO 639-1 code of the language it was delivered in, e.g. en, ar, fr.": "رمز ISO 639-1 للغة التي أُلقي بها، مثل en أو ar أو fr.",
    "statement": "البيان",
    "statements": "البيانات",
    # Lists and errors
    "%(label)s: “%(value)s” is not valid and was ignored (%(error)s)": "%(label)s: «%(value)s» غير صالح وتم تجاهله (%(error)s)",
    "There is no page %(number)s; the last page is %(last)s.": "لا توجد صفحة رقم %(number)s؛ آخر صفحة هي %(last)s.",
    "Country codes in addresses are two lower-case letters, e.g. /countries/ke/.": "رموز البلدان في العناوين حرفان لاتينيان صغيران، مثل ‎/countries/ke/‎.",
    "This event is listed under another year.": "هذه الفعالية مدرجة تحت سنة أخرى.",
    "This text is available in English only.": "هذا النص متوفر بالإنجليزية فقط.",
    "This text is available in Arabic only.": "هذا النص متوفر بالعربية فقط.",
    "Statements on South-South cooperation": "بيانات حول التعاون فيما بين بلدان الجنوب",
    "Official messages, speeches and statements, newest first.": "رسائل وخطابات وبيانات رسمية، الأحدث أولاً.",
    "Page not found": "الصفحة غير موجودة",
    "The page you asked for does not exist, or is not public.": "الصفحة التي طلبتها غير موجودة أو غير متاحة للعموم.",
    "Go to the home page": "الانتقال إلى الصفحة الرئيسية",
    # Layout
    "South-South Cooperation": "التعاون فيما بين بلدان الجنوب",
    "Initiatives, events and statements of South-South and triangular cooperation, in English and Arabic.": "مبادرات التعاون فيما بين بلدان الجنوب والتعاون الثلاثي وفعالياته وبياناته، بالعربية والإنجليزية.",
    "Statements (Atom feed)": "البيانات (موجز Atom)",
    "Skip to content": "الانتقال إلى المحتوى",
    "Main": "القائمة الرئيسية",
    "Initiatives": "المبادرات",
    "Countries": "البلدان",
    "Events": "الفعاليات",
    "A knowledge base on South-South and triangular cooperation, in English and Arabic.": "قاعدة معارف عن التعاون فيما بين بلدان الجنوب والتعاون الثلاثي، بالعربية والإنجليزية.",
    "Statements feed (Atom)": "موجز البيانات (Atom)",
    "Events calendar (iCalendar)": "تقويم الفعاليات (iCalendar)",
    "Sitemap": "خريطة الموقع",
    # Events
    "The Day in %(year)s": "اليوم في عام %(year)s",
    "Date": "التاريخ",
    "Time": "الوقت",
    '<span dir="ltr">%(abbreviation)s</span> (time in <span dir="ltr">%(zone)s</span>)': 'بتوقيت <span dir="ltr">%(zone)s</span> (<span dir="ltr">%(abbreviation)s</span>)',
    "Venue": "المكان",
    "Format": "الشكل",
    "Online": "عبر الإنترنت",
    "In person": "حضوري",
    "Host country": "البلد المضيف",
    "Organizers": "الجهات المنظمة",
    "Link": "الرابط",
    "Add to your calendar (iCalendar)": "أضف إلى تقويمك (iCalendar)",
    "United Nations Day for South-South Cooperation %(year)s": "يوم الأمم المتحدة للتعاون فيما بين بلدان الجنوب %(year)s",
    "Theme": "الموضوع",
    "No event recorded for this year yet.": "لم تُسجَّل أي فعالية لهذه السنة بعد.",
    "No statement recorded for this year yet.": "لم يُسجَّل أي بيان لهذه السنة بعد.",
    "The United Nations Day for South-South Cooperation was observed on 19 December from 2004 and has been observed on 12 September since 2012.": "احتُفل بيوم الأمم المتحدة للتعاون فيما بين بلدان الجنوب في 19 ديسمبر ابتداءً من عام 2004، ويُحتفل به في 12 سبتمبر منذ عام 2012.",
    "Add all events to your calendar (iCalendar)": "أضف جميع الفعاليات إلى تقويمك (iCalendar)",
    "Upcoming events": "الفعاليات القادمة",
    "The Day, year by year": "اليوم عاماً بعد عام",
    "No observance recorded yet.": "لم يُسجَّل أي احتفال بعد.",
    "Recent events": "أحدث الفعاليات",
    # Home
    "Home": "الرئيسية",
    "South-South and triangular cooperation": "التعاون فيما بين بلدان الجنوب والتعاون الثلاثي",
    "Development initiatives between countries of the Global South, the events of the United Nations Day for South-South Cooperation, and the statements made on those occasions.": "مبادرات إنمائية بين بلدان الجنوب العالمي، وفعاليات يوم الأمم المتحدة للتعاون فيما بين بلدان الجنوب، والبيانات التي أُلقيت في تلك المناسبات.",
    "Latest statements": "أحدث البيانات",
    "All statements": "جميع البيانات",
    "No statements yet.": "لا توجد بيانات بعد.",
    "Latest events": "أحدث الفعاليات",
    "All events": "جميع الفعاليات",
    "No events yet.": "لا توجد فعاليات بعد.",
    "All initiatives": "جميع المبادرات",
    "No initiatives yet.": "لا توجد مبادرات بعد.",
    "only staff can see this page; it is not public.": "لا يرى هذه الصفحة إلا فريق التحرير؛ وهي غير منشورة للعموم.",
    "Pages": "الصفحات",
    "Previous": "السابق",
    "Page %(number)s of %(total)s": "الصفحة %(number)s من %(total)s",
    "Next": "التالي",
    # Countries
    "ISO codes": "رموز ISO",
    "Income group": "فئة الدخل",
    "No published initiative involves this country yet.": "لا توجد بعد مبادرة منشورة يشارك فيها هذا البلد.",
    "Events hosted": "الفعاليات التي استضافها",
    "No event hosted here yet.": "لم يستضف هذا البلد أي فعالية بعد.",
    "Related statements": "بيانات ذات صلة",
    "No related statement yet.": "لا توجد بيانات ذات صلة بعد.",
    "Every country with at least one published initiative or event, grouped by UN M49 region.": "كل بلد له مبادرة منشورة واحدة على الأقل أو فعالية، مجمّعة حسب مناطق M49 للأمم المتحدة.",
    "No country has published content yet.": "لا يوجد بعد أي بلد له محتوى منشور.",
    # Initiatives
    "Dates": "التواريخ",
    "Partners": "الشركاء",
    "Filter": "تصفية",
    "Clear": "مسح",
    "No initiative matches these filters.": "لا توجد مبادرة تطابق عوامل التصفية هذه.",
    # Statements
    "Speaker": "المتحدث",
    "Organization": "المنظمة",
    "Delivered on": "تاريخ الإلقاء",
    "Original language": "اللغة الأصلية",
    "Originally delivered in %(language)s": "أُلقي في الأصل باللغة %(language)s",
    "Event": "الفعالية",
    "Follow new statements (Atom feed)": "تابع البيانات الجديدة (موجز Atom)",
    "No statement matches these filters.": "لا يوجد بيان يطابق عوامل التصفية هذه.",
}

# (msgctxt or None, msgid) -> six forms
PLURAL = {
    (None, "%(counter)s initiative"): [
        "%(counter)s مبادرة",
        "مبادرة واحدة",
        "مبادرتان",
        "%(counter)s مبادرات",
        "%(counter)s مبادرة",
        "%(counter)s مبادرة",
    ],
    (None, "%(counter)s event"): [
        "%(counter)s فعالية",
        "فعالية واحدة",
        "فعاليتان",
        "%(counter)s فعاليات",
        "%(counter)s فعالية",
        "%(counter)s فعالية",
    ],
    (None, "%(counter)s statement"): [
        "%(counter)s بيان",
        "بيان واحد",
        "بيانان",
        "%(counter)s بيانات",
        "%(counter)s بيانًا",
        "%(counter)s بيان",
    ],
    (None, "See the %(counter)s initiative"): [
        "عرض %(counter)s مبادرة",
        "عرض المبادرة",
        "عرض المبادرتين",
        "عرض المبادرات الـ%(counter)s",
        "عرض المبادرات الـ%(counter)s",
        "عرض المبادرات الـ%(counter)s",
    ],
    ("number shown before", "initiative"): [
        "مبادرة",
        "مبادرة",
        "مبادرتان",
        "مبادرات",
        "مبادرة",
        "مبادرة",
    ],
    ("number shown before", "country"): ["بلد", "بلد", "بلدان", "بلدان", "بلدًا", "بلد"],
    ("number shown before", "event"): [
        "فعالية",
        "فعالية",
        "فعاليتان",
        "فعاليات",
        "فعالية",
        "فعالية",
    ],
    ("number shown before", "statement"): ["بيان", "بيان", "بيانان", "بيانات", "بيانًا", "بيان"],
}


def fill(path):
    import polib

    catalogue = polib.pofile(path)
    catalogue.metadata.update(
        {
            "Project-Id-Version": "sscportal",
            "Language": "ar",
            "Language-Team": "Arabic",
            "Last-Translator": "sscportal editors",
        }
    )
    unknown = []
    for entry in catalogue:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        if entry.msgid_plural:
            forms = PLURAL.get((entry.msgctxt, entry.msgid))
            if forms is None:
                unknown.append(entry.msgid)
                continue
            entry.msgstr_plural = dict(enumerate(forms))
        else:
            text = SINGULAR.get(entry.msgid)
            if text is None:
                unknown.append(entry.msgid)
                continue
            entry.msgstr = text
    catalogue.save(path)
    catalogue.save_as_mofile(path[: -len(".po")] + ".mo")
    return unknown


if __name__ == "__main__":
    import sys
    from pathlib import Path

    po = str(Path(__file__).parent / "ar" / "LC_MESSAGES" / "django.po")
    missing = fill(po)
    for msgid in missing:
        print(f"no Arabic translation for: {msgid!r}", file=sys.stderr)
    sys.exit(1 if missing else 0)
