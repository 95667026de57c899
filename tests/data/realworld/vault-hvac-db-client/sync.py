import hvac


def db_login(client: hvac.Client) -> tuple[str, str]:
    lease = client.secrets.database.generate_credentials(name="ledger-rw", mount_point="ledger-database")
    return lease["data"]["username"], lease["data"]["password"]
