"""Real-repository round 7: shapes met scanning public agent and bot repositories nobody here wrote (a
Telegram chat bot, a Rasa assistant's deployment values, a Helm chart of a self-hosted agent platform), each
written here in our own words with made-up values. Each case holds a counterpart that must still be read the
old way, so a rule that swallowed everything would fail."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from auditor import ScanOptions, run
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes
from auditor.extract.formats import in_test_path
from auditor.extract.values import ValueClass, classify_value
from auditor.inventory.platforms import platform_of_key
from auditor.model import Agent, ScanResult
from tests.source_trees import write_tree

# Made up for these tests: a password a person might choose.
_REAL_PASSWORD = "Quillon-84&vetch"


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _scan(root: Path) -> ScanResult:
    return run(ScanOptions(paths=(root,)))


def _hints(detectors: DetectorSet, path: str, text: str) -> list[tuple[str, str]]:
    scan = scan_bytes(path, textwrap.dedent(text).encode(), detectors, fingerprint_key="t")
    return [(h.kind, str(h.details.get("framework"))) for h in scan.manifests if h.kind.endswith("_bot")]


def _only_agent(result: ScanResult) -> Agent:
    (agent,) = result.agents
    return agent


# ---------------------------------------------------------------------- chat bots built with their frameworks

_TELEGRAM_MAIN = """\
import logging

from telegram.ext import ApplicationBuilder, CommandHandler, MessageHandler, filters

from helperbot import handlers, settings

def main() -> None:
    app = ApplicationBuilder().token(settings.bot_token).concurrent_updates(True).build()
    app.add_handler(CommandHandler("start", handlers.start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, handlers.answer))
    app.run_polling()
"""
_TELEGRAM_HANDLERS = """\
from openai import AsyncOpenAI
from telegram import Update
from telegram.ext import ContextTypes

from helperbot import settings

client = AsyncOpenAI(api_key=settings.openai_api_key)

async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    reply = await client.chat.completions.create(model="gpt-4o-mini", messages=[])
    await update.message.reply_text(reply.choices[0].message.content)
"""


def test_a_telegram_bot_built_in_code_is_an_agent_many_people_message(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "requirements.txt": "python-telegram-bot==21.6\nopenai>=1.40\n",
            "helperbot/__init__.py": "",
            "helperbot/main.py": _TELEGRAM_MAIN,
            # A handler module imports the framework's types, and builds no bot.
            "helperbot/handlers.py": _TELEGRAM_HANDLERS,
            "config/settings.example.yml": 'bot_token: ""\nopenai_api_key: ""\n',
            # A test builds a bot to exercise it: not a second agent.
            "tests/test_main.py": "from telegram.ext import ApplicationBuilder\n"
            "app = ApplicationBuilder().token('123:abc').build()\n",
        },
    )
    agent = _only_agent(_scan(tmp_path))
    assert (agent.kind, agent.multi_user) == ("telegram_bot", True)
    assert "a Telegram bot" in agent.multi_user_reason and "helperbot/main.py:8" in agent.multi_user_reason
    assert [m.path for m in agent.manifests] == ["helperbot/main.py"]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "bot/app.py",
            """\
            from aiogram import Bot, Dispatcher
            bot = Bot(token=getenv("BOT_TOKEN"))
            dp = Dispatcher()
            """,
            ("telegram_bot", "aiogram"),
        ),
        (
            "bot.py",
            """\
            import telebot
            bot = telebot.TeleBot(os.environ["TG_TOKEN"], parse_mode="HTML")
            """,
            ("telegram_bot", "pyTelegramBotAPI"),
        ),
        (
            "src/index.ts",
            """\
            import { Telegraf } from 'telegraf'
            const bot = new Telegraf(process.env.BOT_TOKEN!)
            """,
            ("telegram_bot", "telegraf"),
        ),
        (
            "src/bot.ts",
            """\
            import { Bot } from "grammy";
            export const bot = new Bot(process.env.BOT_TOKEN ?? "");
            """,
            ("telegram_bot", "grammy"),
        ),
        (
            "cogs/launcher.py",
            """\
            import discord
            from discord.ext import commands
            intents = discord.Intents.default()
            bot = commands.Bot(command_prefix="!", intents=intents)
            """,
            ("discord_bot", "discord.py"),
        ),
        (
            "src/index.js",
            """\
            const { Client, GatewayIntentBits } = require('discord.js');
            const client = new Client({ intents: [GatewayIntentBits.Guilds] });
            client.login(process.env.DISCORD_TOKEN);
            """,
            ("discord_bot", "discord.js"),
        ),
    ],
)
def test_each_chat_bot_framework_is_recognised(
    detectors: DetectorSet, path: str, text: str, expected: tuple[str, str]
) -> None:
    assert _hints(detectors, path, text) == [expected]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # Types only: a handler or a cog, not the bot.
        ("bot/handlers.py", "from telegram import Update\nfrom telegram.ext import ContextTypes\n"),
        (
            "cogs/music.py",
            "import discord\nfrom discord.ext import commands\nclass Music(commands.Cog): ...\n",
        ),
        # Another library's client in a file that imports the framework's types.
        ("bot/http.py", "import discord\nimport httpx\nsession = httpx.Client(timeout=5)\n"),
        # The framework named in a comment, a bot built in a string.
        ("notes.py", "# import discord\nexample = 'bot = commands.Bot(command_prefix=\"!\")'\n"),
        # A test builds a bot to exercise it.
        ("tests/test_bot.py", "import telebot\nbot = telebot.TeleBot('123:abc')\n"),
    ],
)
def test_what_only_mentions_a_chat_bot_framework_is_no_bot(
    detectors: DetectorSet, path: str, text: str
) -> None:
    assert _hints(detectors, path, text) == []


# ---------------------------------------------------------------- a value that says an env variable fills it

_DEPLOY_VALUES = """\
assistant:
  initialUser:
    username: "set_as_environment_variable-ASSISTANT_ADMIN_USER"
    password: "set_as_environment_variable-ASSISTANT_ADMIN_PASSWORD"
broker:
  password: "set-via-env"
cache:
  password: "{password}"
"""


@pytest.mark.parametrize(
    "value",
    [
        "set_as_environment_variable-ASSISTANT_ADMIN_PASSWORD",
        "set-via-env",
        "provided by env var DB_PASS",
        "read_from_environment_variable:BROKER_SECRET",
    ],
)
def test_a_value_naming_the_environment_variable_that_fills_it_is_a_placeholder(value: str) -> None:
    assert classify_value(value, "password") is ValueClass.PLACEHOLDER


def test_deployment_values_filled_from_the_environment_are_no_secrets(detectors: DetectorSet) -> None:
    text = _DEPLOY_VALUES.format(password=_REAL_PASSWORD)
    scan = scan_bytes("deploy/values.yml", text.encode(), detectors, fingerprint_key="t")
    # Only the chosen password is reported.
    assert [(s.location.line, s.location.key) for s in scan.secrets] == [(8, "cache.password")]
    # Words around a real value do not make it a placeholder.
    assert classify_value("setas-env-" + _REAL_PASSWORD, "password") is ValueClass.SECRET_CANDIDATE


# ----------------------------------------------------------- a Helm chart or manifest of an agent platform

_CHART = "apiVersion: v2\nname: chatdesk\nversion: 1.2.0\n"
_PLATFORM_VALUES = """\
replicaCount: 1
image:
  repository: ghcr.io/open-webui/open-webui
  tag: ""
ingress:
  enabled: false
"""
_OTHER_VALUES = (
    "replicaCount: 1\nimage:\n  repository: ghcr.io/example/reports-api\ningress:\n  enabled: false\n"
)


def test_a_helm_chart_deploying_an_agent_platform_serves_many_users(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "platform",
        {"charts/chatdesk/Chart.yaml": _CHART, "charts/chatdesk/values.yaml": _PLATFORM_VALUES},
    )
    agent = _only_agent(_scan(tmp_path / "platform"))
    assert (agent.name, agent.kind, agent.multi_user) == ("chatdesk", "agent_platform", True)
    assert "charts/chatdesk/values.yaml:2" in agent.multi_user_reason
    # Another image with its ingress off is the same chart shape, read as before: one workload, no audience.
    write_tree(
        tmp_path / "other", {"charts/reports/Chart.yaml": _CHART, "charts/reports/values.yaml": _OTHER_VALUES}
    )
    other = _only_agent(_scan(tmp_path / "other"))
    assert (other.kind, other.multi_user) == ("k8s_workload", False)


def test_a_kubernetes_deployment_of_an_agent_platform_serves_many_users(tmp_path: Path) -> None:
    deployment = """\
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: flows
    spec:
      template:
        spec:
          containers:
            - name: flows
              image: flowiseai/flowise:2.2.1
    """
    write_tree(tmp_path, {"k8s/flows.yaml": deployment})
    agent = _only_agent(_scan(tmp_path))
    assert (agent.kind, agent.multi_user) == ("agent_platform", True)


# ------------------------------------------------------------------------------------- a Rasa assistant

_RASA_CREDENTIALS = """\
# The channels this assistant listens on.
rest:
  # no credentials needed

socketio:
  user_message_evt: user_uttered
  bot_message_evt: bot_uttered

rasa:
  url: "http://localhost:5002/api"
"""
_RASA_MAKEFILE = """\
install:
\t@kubectl create secret docker-registry registry-pull \\
\t\t--docker-username=AWS --docker-password="$(AWS_ECR_TOKEN)"
"""


def test_a_rasa_assistant_is_an_agent_on_its_channels(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "helpdesk",
        {
            "credentials.yml": _RASA_CREDENTIALS,
            "config.yml": "language: en\npipeline:\n  - name: WhitespaceTokenizer\n",
            "Makefile": _RASA_MAKEFILE,
        },
    )
    result = _scan(tmp_path / "helpdesk")
    agent = _only_agent(result)
    assert (agent.kind, agent.multi_user) == ("rasa_bot", True)
    assert "credentials.yml:2" in agent.multi_user_reason
    # The deploy target's registry token is whoever runs make: no shared-identity finding for the bot.
    assert [c.platform.value for c in agent.connections] == ["aws"]
    assert "BA-103" not in {f.rule_id for f in result.findings}


@pytest.mark.parametrize(
    "text",
    [
        # Another tool's credentials file: keys that are no Rasa channel.
        "slack:\n  token: x\ndatabase:\n  user: app\n",
        # One channel that other tools name too, alone.
        "slack:\n  slack_token: x\n",
        # A list, not channels.
        "- rest\n- socketio\n",
    ],
)
def test_another_credentials_yml_is_no_rasa_assistant(tmp_path: Path, text: str) -> None:
    write_tree(tmp_path, {"credentials.yml": text})
    assert [a.kind for a in _scan(tmp_path).agents if a.kind == "rasa_bot"] == []


# ---------------------------------------------------------------------- a test class named for what it tests

_DISCORD_BOT = """\
import os

import discord
from openai import AsyncOpenAI

class HelpClient(discord.Client):
    pass

client = discord.Client(intents=discord.Intents.default())
models = AsyncOpenAI(api_key=os.getenv("OPENAI_KEY"))
"""
_LOGIN_TEST = """\
import os
import unittest

google_login = os.getenv("google_login")
google_password = os.getenv("google_password")

class PortalLoginTest(unittest.TestCase):
    def test_sign_in(self):
        self.assertTrue(google_password)
"""


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("auto_login/AutoLoginTest.py", True),
        ("src/test/java/org/acme/VaultClientTest.java", True),
        ("Acme.Bot.Tests/TokenStoreTests.cs", True),
        ("tests_free/ScopeCheckTestCase.php", True),
        # A capital word that only ends in "Test", in lower case, or a file of another kind.
        ("src/Contest.py", False),
        ("src/latest.py", False),
        ("docs/LoadTest.md", False),
        ("src/Test.java", False),
    ],
)
def test_a_camel_case_test_class_file_is_a_test(rel: str, expected: bool) -> None:
    from auditor.extract.formats import classify

    assert in_test_path(rel) is expected
    assert classify(rel).in_test_path is expected  # the file's kind, which the scan's findings read


def test_a_secret_in_a_camel_case_test_class_is_low_severity_as_in_a_test_file(tmp_path: Path) -> None:
    # The same literal in a plain module, a `test_` module and a camel-case test class: the two tests alike.
    line = 'DB_PASSWORD = "Wq7Zr2Lp9Xk4Tn8B"\n'
    write_tree(tmp_path, {rel: line for rel in ("app/login.py", "app/test_login.py", "app/AutoLoginTest.py")})
    severity = {
        f.location.path: f.severity.value
        for f in _scan(tmp_path).findings
        if f.rule_id == "BA-101" and f.location is not None
    }
    assert severity["app/AutoLoginTest.py"] == severity["app/test_login.py"] == "low"
    assert severity["app/login.py"] != "low"


def test_a_login_tested_beside_a_bot_is_not_how_the_bot_signs_in(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "requirements.txt": "discord.py\nopenai\n",
            "src/__init__.py": "",
            "src/client.py": _DISCORD_BOT,
            "auto_login/PortalLoginTest.py": _LOGIN_TEST,
        },
    )
    result = _scan(tmp_path)
    agent = _only_agent(result)
    assert (agent.kind, agent.multi_user) == ("discord_bot", True)
    assert [(c.platform.value, c.auth_model.value) for c in agent.connections] == [
        ("openai", "static_api_key")
    ]
    assert "BA-103" not in {f.rule_id for f in result.findings}


# -------------------------------------------------------------------------------- a LangGraph deployment


def test_a_langgraph_deployment_serves_every_client_of_its_api(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "langgraph.json": '{"dependencies": ["."], "graphs": {"triage": "./src/triage/graph.py:graph"},'
            ' "env": ".env"}\n',
            "src/triage/graph.py": "from langgraph.graph import StateGraph\n",
            ".env.example": "ANTHROPIC_API_KEY=\n",
        },
    )
    agent = _only_agent(_scan(tmp_path))
    assert (agent.name, agent.kind, agent.multi_user) == ("triage", "langgraph", True)
    assert "LangGraph Server" in agent.multi_user_reason and "langgraph.json:1" in agent.multi_user_reason


# ------------------------------------------------------------------------------------- coverage wording


def test_the_slack_coverage_note_reads_as_english(tmp_path: Path) -> None:
    write_tree(tmp_path, {"notes.md": "nothing to see\n"})
    (note,) = [s for s in _scan(tmp_path).coverage.skipped if s.source == "slack"]
    assert "no Slack app manifests in the scanned tree" in note.reason
    assert "no a " not in note.reason


# ------------------------------------------------------------------------ camel-case keys name their platform


def test_a_camel_case_key_names_its_platform(tmp_path: Path) -> None:
    values = 'image:\n  repository: ghcr.io/open-webui/open-webui\nopenaiApiKey: "k3Ys-wv9Q!dmp"\n'
    write_tree(tmp_path, {"charts/chatdesk/Chart.yaml": _CHART, "charts/chatdesk/values.yaml": values})
    agent = _only_agent(_scan(tmp_path))
    assert [(c.platform.value, c.auth_model.value) for c in agent.connections] == [
        ("openai", "static_api_key")
    ]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("githubToken", "github"),
        ("slackBotToken", "slack"),
        ("anthropicKey", "anthropic"),
        ("awsSecretKey", "aws"),
        # A hump inside a longer word is no platform's name.
        ("graphqlToken", None),
        ("passwordSalt", None),
    ],
)
def test_camel_case_humps_are_word_boundaries(key: str, expected: str | None) -> None:
    platform = platform_of_key(key)
    assert (platform.value if platform else None) == expected
