"""The 17 Sustainable Development Goals, with their official short names."""

from django.db import migrations

GOALS = [
    (1, "No Poverty", "القضاء على الفقر"),
    (2, "Zero Hunger", "القضاء التام على الجوع"),
    (3, "Good Health and Well-being", "الصحة الجيدة والرفاه"),
    (4, "Quality Education", "التعليم الجيد"),
    (5, "Gender Equality", "المساواة بين الجنسين"),
    (6, "Clean Water and Sanitation", "المياه النظيفة والنظافة الصحية"),
    (7, "Affordable and Clean Energy", "طاقة نظيفة وبأسعار معقولة"),
    (8, "Decent Work and Economic Growth", "العمل اللائق ونمو الاقتصاد"),
    (9, "Industry, Innovation and Infrastructure", "الصناعة والابتكار والهياكل الأساسية"),
    (10, "Reduced Inequalities", "الحد من أوجه عدم المساواة"),
    (11, "Sustainable Cities and Communities", "مدن ومجتمعات محلية مستدامة"),
    (12, "Responsible Consumption and Production", "الاستهلاك والإنتاج المسؤولان"),
    (13, "Climate Action", "العمل المناخي"),
    (14, "Life Below Water", "الحياة تحت الماء"),
    (15, "Life on Land", "الحياة في البر"),
    (16, "Peace, Justice and Strong Institutions", "السلام والعدل والمؤسسات القوية"),
    (17, "Partnerships for the Goals", "عقد الشراكات لتحقيق الأهداف"),
]


def add_goals(apps, schema_editor):
    Goal = apps.get_model("initiatives", "SustainableDevelopmentGoal")
    for number, name_en, name_ar in GOALS:
        Goal.objects.update_or_create(
            number=number, defaults={"name": name_en, "name_en": name_en, "name_ar": name_ar}
        )


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]

    operations = [migrations.RunPython(add_goals, migrations.RunPython.noop)]
