from django.conf import settings


def campaign_page_types():
    return getattr(
        settings, "CAMPAIGN_KIT_CAMPAIGN_PAGE_TYPES", ["campaign_kit_campaigns.CampaignPage"]
    )
