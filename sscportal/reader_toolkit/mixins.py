"""Mixins shared by the reader pages (front/)."""


class PublishedOrStaffMixin:
    """The public sees published items only; logged-in staff also see drafts."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.request.user.is_staff:
            return queryset
        return queryset.published()
