import os

from simple_salesforce import Salesforce

sf = Salesforce(
    username=os.environ["SALESFORCE_USERNAME"],
    password=os.environ["SALESFORCE_PASSWORD"],
    security_token=os.environ["SALESFORCE_SECURITY_TOKEN"],
)
renewals = sf.query("SELECT Id, Name FROM Opportunity WHERE Type = 'Renewal' AND IsClosed = false")
