data "azuread_client_config" "current" {}

data "azuread_application_published_app_ids" "well_known" {}

resource "azuread_service_principal" "msgraph" {
  client_id    = data.azuread_application_published_app_ids.well_known.result["MicrosoftGraph"]
  use_existing = true
}

resource "azuread_application" "mail_assistant" {
  display_name     = "mail-assistant-agent"
  owners           = [data.azuread_client_config.current.object_id]
  sign_in_audience = "AzureADMyOrg"

  required_resource_access {
    resource_app_id = data.azuread_application_published_app_ids.well_known.result["MicrosoftGraph"]

    # Mail.Read (application), by id as the portal exports it
    resource_access {
      id   = "810c84a8-4a9e-49e6-bf7d-12d183f40d01"
      type = "Role"
    }

    resource_access {
      id   = azuread_service_principal.msgraph.app_role_ids["Directory.ReadWrite.All"]
      type = "Role"
    }

    resource_access {
      id   = azuread_service_principal.msgraph.oauth2_permission_scope_ids["User.Read"]
      type = "Scope"
    }
  }
}

resource "azuread_service_principal" "mail_assistant" {
  client_id = azuread_application.mail_assistant.client_id
  owners    = [data.azuread_client_config.current.object_id]
}

resource "azuread_application_password" "mail_assistant" {
  application_id    = azuread_application.mail_assistant.id
  display_name      = "agent-runtime"
  end_date_relative = "17520h"
}

resource "azuread_app_role_assignment" "mail_send" {
  app_role_id         = azuread_service_principal.msgraph.app_role_ids["Mail.Send"]
  principal_object_id = azuread_service_principal.mail_assistant.object_id
  resource_object_id  = azuread_service_principal.msgraph.object_id
}

resource "azuread_service_principal_delegated_permission_grant" "mail_assistant" {
  service_principal_object_id          = azuread_service_principal.mail_assistant.object_id
  resource_service_principal_object_id = azuread_service_principal.msgraph.object_id
  claim_values                         = ["Mail.ReadWrite", "User.Read"]
}
