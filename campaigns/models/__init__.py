"""Campaign hubs, news, materials and print orders (re-exported for Django)."""

from .campaign import CampaignPage
from .materials import DownloadCount, Material, MaterialsPage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .orders import OrderLine, PrintOrder

__all__ = [
    "CampaignPage",
    "DownloadCount",
    "Material",
    "MaterialsPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "OrderLine",
    "PrintOrder",
]
