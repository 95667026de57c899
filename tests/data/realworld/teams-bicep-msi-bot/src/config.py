"""Bot configuration, read from the App Service settings the Bicep template writes."""

import os


class Config:
    PORT = int(os.environ.get("PORT", "3978"))
    APP_ID = os.environ.get("BOT_ID", "")
    APP_TYPE = os.environ.get("BOT_TYPE", "")
    APP_TENANTID = os.environ.get("BOT_TENANT_ID", "")
