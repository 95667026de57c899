import os

import discord
from github import Github

intents = discord.Intents.default()
client = discord.Client(intents=intents)
gh = Github(os.getenv("GITHUB_TOKEN"))


@client.event
async def on_message(message):
    if message.content.startswith("!issues"):
        repo = gh.get_repo("northwind-traders/platform")
        await message.channel.send(f"{repo.open_issues_count} open issues")


client.run(os.getenv("DISCORD_BOT_TOKEN"))
