"""The secret-format engine: every YAML example, strict loading, both prefilters, the bench's fakes."""

from __future__ import annotations

import pickle
import random
import shutil
import sys
from pathlib import Path

import pytest

from auditor.errors import RuleLoadError
from auditor.extract.detectors import DetectorSet, Hit, hyperscan_available
from auditor.model import Confidence
from auditor.paths import detectors_dir

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
NEEDS_BENCH = pytest.mark.skipif(
    not (BENCH / "fakes.py").is_file(),
    reason=f"benchmark generator not found at {BENCH} (CI has shared/ beside main)",
)

# Fake values only (random strings shaped like the real formats).
AWS_ID = "AKIAKPO4DRVAUKVWZZUT"
AWS_ID_2 = "ASIANQ37N3WPK3AYH7O5"
AWS_SECRET = "vS+I4k9GvvK9JkmW378D/Cn511CFUBWkNhBm2bd2"
SLACK_1 = "xoxb-541882002087-2335525137790-5srpS9wg1QlRRLiiRejeKx0g"
SLACK_2 = "xoxb-761014185103-3208359485676-EkErbdiqymVvgavWe1cBDEDa"
OPENAI = (
    "sk-proj-D6oqM79_O36jKkv_0GhTnrU-D4J1-pmHdNZ1INU9z4mgYake-BSDv2iFeuS0HOkJ9C1hnsSSIIT3BlbkFJpeUxT0uRcm0EA6Gk8"
    "htj_wf0gZpc5RIpGuK0Q_Ye6UamnabfIoGCo16wEn4XR2ayVcLCrR9QCr"
)


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _cases(which: str) -> list[tuple[str, int, str]]:
    ds = DetectorSet.load()
    out = []
    for det in ds.detectors:
        examples = det.examples_match if which == "match" else det.examples_no_match
        out += [(det.id, i, ex) for i, ex in enumerate(examples)]
    return out


@pytest.mark.parametrize(("detector_id", "index", "example"), _cases("match"), ids=lambda v: str(v)[:24])
def test_match_examples_are_found(detectors: DetectorSet, detector_id: str, index: int, example: str) -> None:
    hits = detectors.scan_text(example)
    assert any(h.detector.id == detector_id and h.value in example for h in hits), (
        f"{detector_id} example {index} not found; got {[h.detector.id for h in hits]}"
    )
    for hit in hits:
        assert example[hit.start : hit.end] == hit.value


@pytest.mark.parametrize(("detector_id", "index", "example"), _cases("no_match"), ids=lambda v: str(v)[:24])
def test_no_match_examples_are_quiet(
    detectors: DetectorSet, detector_id: str, index: int, example: str
) -> None:
    hits = detectors.scan_text(example)
    assert not any(h.detector.id == detector_id for h in hits), (
        f"{detector_id} no_match example {index} fired"
    )


def test_catalogue_covers_the_required_formats(detectors: DetectorSet) -> None:
    kinds = {d.kind for d in detectors.detectors}
    required = {
        "aws_access_key_id",
        "aws_secret_access_key",
        "slack_bot_token",
        "slack_user_token",
        "slack_app_token",
        "slack_config_token",
        "slack_webhook_url",
        "openai_api_key",
        "anthropic_api_key",
        "github_pat",
        "github_fine_grained_pat",
        "github_oauth_token",
        "github_app_token",
        "google_api_key",
        "azure_client_secret",
        "salesforce_consumer_key",
        "salesforce_consumer_secret",
        "salesforce_access_token",
        "salesforce_security_token",
        "salesforce_password",
        "vault_token",
        "stripe_secret_key",
        "stripe_restricted_key",
        "twilio_account_sid",
        "twilio_api_key_sid",
        "twilio_auth_token",
        "sendgrid_api_key",
        "jwt",
        "private_key",
        "database_password",
        "url_password",
        "basic_auth_credentials",
        "password",
        "generic_secret",
        "generic_token",
        "api_key",
        "client_secret",
    }
    assert required <= kinds
    identifiers = {d.id for d in detectors.detectors if d.identifier}
    assert {"aws-access-key-id", "salesforce-consumer-key", "twilio-account-sid"} <= identifiers
    # A format with no fixed text is found by its anchor (a regex in the same prefilter pass) instead.
    assert all(d.keywords or d.anchor for d in detectors.detectors)


# ------------------------------------------------------------------------------------------------ loading


def _copy_one(tmp_path: Path, detector_id: str = "github-pat") -> Path:
    target = tmp_path / f"{detector_id}.yaml"
    shutil.copy(detectors_dir() / f"{detector_id}.yaml", target)
    return target


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t + "colour: blue\n", "unknown key"),
        (lambda t: t.replace("regex: '", "regex: '(?P<broken", 1), "bad regex"),
        (lambda t: t.replace("severity: high\n", ""), "missing field"),
        (lambda t: t.replace("id: github-pat", "id: other-name"), "must equal the file name"),
        (lambda t: t.replace("keywords: ['ghp_']", "keywords: ['GHP_']"), "lowercase"),
        (lambda t: t.replace("keywords: ['ghp_']", "keywords: ['zzz']"), "none of the keywords"),
        (lambda t: t.replace("platform: github", "platform: myspace"), "myspace"),
        (lambda t: t.replace("severity: high", "severity: apocalyptic"), "apocalyptic"),
        (lambda t: t.replace("  no_match:", "  maybe: []\n  no_match:"), "unknown key(s) under examples"),
        (lambda t: t + "partner: [no-such-detector]\n", "unknown partner"),
        (lambda t: t + "entropy: high\n", "entropy"),
        (lambda t: "id: [unclosed\n", "invalid YAML"),
        (lambda t: t + "public_near: {markers: [authdomain], min: 2, reason: public}\n", "public_near.min"),
        (lambda t: t + "public_near: {markers: [AuthDomain], reason: public}\n", "lowercase ASCII"),
        (lambda t: t + "public_near: {markers: [authdomain], min: 1}\n", "public_near.reason"),
        (lambda t: t + "public_near: {markers: [authdomain], near: 9, reason: x}\n", "takes markers"),
    ],
)
def test_load_rejects_bad_definitions(tmp_path: Path, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    path = _copy_one(tmp_path)
    path.write_text(edit(path.read_text()))
    with pytest.raises(RuleLoadError) as err:
        DetectorSet.load(tmp_path)
    assert message in str(err.value)
    assert "github-pat.yaml" in str(err.value)


_BARE = "discord-bot-token-bare"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("anchor: '", "anchor: '(?<=x)", 1), "lookarounds"),
        (lambda t: t.replace("{27}'", "{27}(?P=x)'", 1), "bad anchor"),
        (
            lambda t: t.replace("anchor: '\\.[A-Za-z0-9_-]{6}", "anchor: '\\.[a-z]{2}", 1).replace(
                "{27}'", "'", 1
            ),
            "16 to 256",
        ),
        (lambda t: t.replace("{27}'", "{27}!'", 1), "anchor does not occur inside the match"),
        (lambda t: t.replace("[A-Za-z0-9_-]{27}'", "[A-Za-z0-9_-]{1,300}'", 1), "16 to 256"),
        (lambda t: t.replace("anchor: ", "# anchor: "), "keywords"),
    ],
)
def test_load_rejects_bad_anchors(tmp_path: Path, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    path = _copy_one(tmp_path, _BARE)
    path.write_text(edit(path.read_text()))
    with pytest.raises(RuleLoadError) as err:
        DetectorSet.load(tmp_path)
    assert message in str(err.value)


@pytest.mark.parametrize("prefilter", ["python", "hyperscan"])
def test_an_anchor_stands_in_for_keywords_in_every_prefilter_path(prefilter: str) -> None:
    # A bare Discord bot token has no fixed text: without its anchor no prefilter would ever send the file
    # to its regex. Buried in a long file with no keyword at all, it is found by the keyword prefilter, the
    # file-level answer (candidates) and the gate, and a look-alike whose id segment is not a number is not.
    if prefilter == "hyperscan" and not hyperscan_available():
        pytest.skip("Vectorscan bindings not installed here")
    from auditor.extract.filescan import scan_bytes

    token = "MTE4NzM0NTYwMjkxNzczNDQxMg.i-6pgH.cPc72wpttkGxtzGbqK4by6OjO6BswkXi9XZWhu"
    fake = "aGVsbG8gd29ybGQsIGJvdCEhIQ.hOYrhn.9RJErNslQ0a06DcsVrBU0kuWccg"
    filler = "lorem ipsum dolor sit amet, consectetur adipiscing elit\n" * 400
    text = f"{filler}run({token})\n{filler}run({fake})\n"
    for gate in (False, True):
        ds = DetectorSet.load(prefilter=prefilter)  # type: ignore[arg-type]
        ds.use_gate(gate)
        assert ds.candidates(text.encode()) and not ds.candidates(filler.encode())
        hits = [h for h in ds.scan_text(text) if h.detector.id == _BARE]
        assert [h.value for h in hits] == [token] and hits[0].confidence is Confidence.HIGH
        scan = scan_bytes("notes.txt", text.encode(), ds, fingerprint_key="anchor-test")
        assert [m.kind for m in scan.secrets] == ["discord_bot_token"], gate


# Made-up keys in the Google API key format (AIza + 35 characters); the configs are shaped like a Firebase web
# app's, an Android app's google-services.json and an iOS app's GoogleService-Info.plist.
_GOOGLE_KEY = "AIzaSyQ3v9Lm2Tq8Xw4Rk7Hn1Bp6Cz5Yd0Ej2Gf"
_FP_KEY = "firebase-test-key"
_FIREBASE_CONFIGS = {
    "web/src/firebase.js": (
        "import { initializeApp } from 'firebase/app';\n\nconst firebaseConfig = {\n"
        f'  apiKey: "{_GOOGLE_KEY}",\n  authDomain: "helpdesk-bot-4821.firebaseapp.com",\n'
        '  projectId: "helpdesk-bot-4821",\n  messagingSenderId: "748120093311",\n'
        '  appId: "1:748120093311:web:5c0e8a1f2b7d4e9a"\n};\n'
        "export const app = initializeApp(firebaseConfig);\n"
    ),
    "android/app/google-services.json": (
        '{\n  "project_info": {"project_number": "748120093311", "project_id": "helpdesk-bot-4821"},\n'
        '  "client": [{\n    "client_info": {"mobilesdk_app_id": "1:748120093311:android:9f2c",\n'
        '      "android_client_info": {"package_name": "com.example.helpdesk"}},\n'
        f'    "api_key": [{{"current_key": "{_GOOGLE_KEY}"}}]\n  }}]\n}}\n'
    ),
    "ios/GoogleService-Info.plist": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n'
        f"\t<key>API_KEY</key>\n\t<string>{_GOOGLE_KEY}</string>\n"
        "\t<key>GCM_SENDER_ID</key>\n\t<string>748120093311</string>\n"
        "\t<key>GOOGLE_APP_ID</key>\n\t<string>1:748120093311:ios:3b7e</string>\n</dict>\n</plist>\n"
    ),
}


@pytest.mark.parametrize("path", sorted(_FIREBASE_CONFIGS))
def test_a_google_key_in_a_firebase_app_config_is_public_by_design(path: str) -> None:
    # Reported (an unrestricted key can call any API the project enables), but low: every browser or app
    # install receives it; the finding says so and what to do instead.
    from auditor.extract.filescan import scan_bytes
    from auditor.model import Severity

    ds = DetectorSet.load()
    (found,) = scan_bytes(path, _FIREBASE_CONFIGS[path].encode(), ds, fingerprint_key=_FP_KEY).secrets
    assert found.kind == "google_api_key"
    assert (found.severity, found.confidence) == (Severity.LOW, Confidence.MEDIUM)
    assert "Firebase app config key: public by design" in found.confidence_reason


def test_a_google_key_elsewhere_stays_high() -> None:
    # The same key as a server's setting, and beside one Firebase word only (a server that names its
    # project's auth domain), is a key to keep secret.
    from auditor.extract.filescan import scan_bytes
    from auditor.model import Severity

    ds = DetectorSet.load()
    for path, text in (
        (".env", f"GOOGLE_API_KEY={_GOOGLE_KEY}\nGOOGLE_CLOUD_PROJECT=helpdesk-bot-4821\n"),
        ("server/settings.py", f'MAPS_KEY = "{_GOOGLE_KEY}"\nAUTH_DOMAIN = "bot-4821.firebaseapp.com"\n'),
    ):
        (found,) = scan_bytes(path, text.encode(), ds, fingerprint_key=_FP_KEY).secrets
        assert found.kind == "google_api_key"
        assert (found.severity, found.confidence) == (Severity.HIGH, Confidence.HIGH)


def test_load_rejects_empty_or_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(RuleLoadError, match="no detector definitions"):
        DetectorSet.load(tmp_path)
    with pytest.raises(RuleLoadError, match="not found"):
        DetectorSet.load(tmp_path / "nope")


def test_load_from_custom_directory_runs_only_those(tmp_path: Path) -> None:
    _copy_one(tmp_path)
    ds = DetectorSet.load(tmp_path)
    assert [d.id for d in ds.detectors] == ["github-pat"]
    assert ds.scan_text(f"AWS={AWS_ID}") == []


# ------------------------------------------------------------------------------------------------ scanning


def test_two_tokens_of_one_kind_are_two_hits(detectors: DetectorSet) -> None:
    text = f"primary: {SLACK_1}\nbackup: {SLACK_2}\n"
    hits = [h for h in detectors.scan_text(text) if h.kind == "slack_bot_token"]
    assert [h.value for h in hits] == [SLACK_1, SLACK_2]
    assert hits[0].start < hits[1].start


def test_hits_are_sorted_non_overlapping_and_offsets_exact(detectors: DetectorSet) -> None:
    text = f"# ünïcödé prelude ✓\napi_key: {OPENAI}\nAWS_ACCESS_KEY_ID={AWS_ID}\n"
    hits = detectors.scan_text(text)
    assert [h.kind for h in hits] == ["openai_api_key", "aws_access_key_id"]
    for a, b in zip(hits, hits[1:], strict=False):
        assert a.end <= b.start
    for h in hits:
        assert text[h.start : h.end] == h.value


def test_specific_format_beats_generic_rule(detectors: DetectorSet) -> None:
    hits = detectors.scan_text(f"OPENAI_API_KEY={OPENAI}")
    assert [h.detector.id for h in hits] == ["openai-api-key"]
    hits = detectors.scan_text("SF_PASSWORD=Tr0ub4dor&3-WYEa")
    assert [h.detector.id for h in hits] == ["salesforce-password"]


def test_partner_nearby_raises_confidence(detectors: DetectorSet) -> None:
    (alone,) = detectors.scan_text(f"aws_access_key_id = {AWS_ID}")
    assert alone.detector.identifier and alone.confidence is Confidence.MEDIUM
    hits = detectors.scan_text(f"aws_access_key_id = {AWS_ID}\naws_secret_access_key = {AWS_SECRET}\n")
    key_id = next(h for h in hits if h.kind == "aws_access_key_id")
    assert key_id.confidence is Confidence.HIGH
    assert any(h.kind == "aws_secret_access_key" for h in hits)


def test_lone_aws_secret_without_context_is_not_reported(detectors: DetectorSet) -> None:
    assert not [h for h in detectors.scan_text(f"checksum {AWS_SECRET}") if h.kind == "aws_secret_access_key"]


def test_example_key_is_still_reported(detectors: DetectorSet) -> None:
    hits = detectors.scan_text("aws_access_key_id = AKIAIOSFODNN7EXAMPLE")
    assert [h.value for h in hits] == ["AKIAIOSFODNN7EXAMPLE"]


def test_hit_repr_never_shows_the_value(detectors: DetectorSet) -> None:
    (hit,) = detectors.scan_text(f"token: {SLACK_1}")
    assert SLACK_1 not in repr(hit)
    assert isinstance(hit, Hit)


def test_pem_spanning_many_lines(detectors: DetectorSet) -> None:
    rng = random.Random(5)
    body = "\n".join(
        "".join(rng.choice("ABCDEFGHabcdefgh0123456789+/") for _ in range(64)) for _ in range(60)
    )
    text = (
        "intro\n-----BEGIN OPENSSH PRIVATE KEY-----\n"
        + body
        + "\n-----END OPENSSH PRIVATE KEY-----\ntrailer\n"
    )
    (hit,) = detectors.scan_text(text)
    assert hit.kind == "private_key"
    assert hit.value.startswith("-----BEGIN OPENSSH") and hit.value.endswith("PRIVATE KEY-----")


# ------------------------------------------------------------------------------------------------ scan_value


@pytest.mark.parametrize(
    ("key", "value", "kind"),
    [
        ("AWS_SECRET_ACCESS_KEY", AWS_SECRET, "aws_secret_access_key"),
        ("mcpServers.aws.env.AWS_ACCESS_KEY_ID", AWS_ID, "aws_access_key_id"),
        ("password", "Winter2024!x", "password"),
        ("env.DB_PASSWORD", "p@ss w0rd with spaces!", "password"),
        ("SLACK_BOT_TOKEN", SLACK_1, "slack_bot_token"),
        ("TWILIO_AUTH_TOKEN", "73c14b48072799da537901b73929a755", "twilio_auth_token"),
        ("security_token", "EUfw80MecQept5afS7bvMp3jf", "salesforce_security_token"),
        (None, OPENAI, "openai_api_key"),
    ],
)
def test_scan_value_finds_by_value_and_key(
    detectors: DetectorSet, key: str | None, value: str, kind: str
) -> None:
    hits = detectors.scan_value(key, value)
    assert [h.kind for h in hits] == [kind]
    assert value[hits[0].start : hits[0].end] == hits[0].value


def test_generic_value_rule_judges_the_whole_scalar(detectors: DetectorSet) -> None:
    (hit,) = detectors.scan_value("DB_PASSWORD", "p@ss w0rd with spaces!")
    assert hit.value == "p@ss w0rd with spaces!" and hit.key is not None


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("password_policy", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        ("token_limit", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("max_tokens", "4096"),
        ("secret_name", "prod/db-credentials"),
        ("auth_mode", "client_credentials"),
        ("password", "${DB_PASSWORD}"),
        ("api_key", "{{ secrets.API_KEY }}"),
        ("client_secret", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/bot)"),
        ("token", "sha512-" + "A" * 20 + "b" * 66 + "=="),
        ("description", "the bot token is rotated every 90 days"),
        ("AWS_SECRET_ACCESS_KEY", "${AWS_SECRET_ACCESS_KEY}"),
        ("password", ""),
        ("MasterUserPassword", ":SecretString:password::}}"),
        ("MasterUserPassword", "{{resolve:secretsmanager:"),
        # A word of the key as its password: the product's default (`POSTGRES_PASSWORD: postgres`).
        ("POSTGRES_PASSWORD", "postgres"),
        ("RABBITMQ_DEFAULT_PASS", "rabbitmq"),
        ("DATABASE_URI", "postgres://postgres:postgres@postgres:5432/postgres?sslmode=disable"),
    ],
)
def test_scan_value_stays_quiet(detectors: DetectorSet, key: str, value: str) -> None:
    assert detectors.scan_value(key, value) == []


@pytest.mark.parametrize(
    "line",
    [
        # A word at the end of a text, then the next argument or field: no key and value.
        '    {"title": "Reset Password", "message": "I need to reset my password"},',
        "    expect(isPathWithinAllowedDirectories('/etc/passwd', allowed)).toBe(false);",
        'env.setdefault("DB_PASSWORD", fallback_password)',
        # Member access with optional chaining or a non-null assertion is code.
        "      const progressToken = extra._meta?.progressToken;",
        "const apiToken = ctx.session!.apiToken;",
        # A label in a sentence, then the next word; a variable named after a credential.
        "    // Second pass: process files with mapping for link resolution",
        "  - Pass: identity, configurations, standing rules, preferences with rationale",
        # A parameter and its type in a signature; the choices of a membership test.
        "    def validate(self, boarding_pass: BoardingPassInfo) -> Dict[str, Any]:",
        "def connect(host: str, password: SecretStr = None, *, timeout: int = 5):",
        "            if expected not in ('pass', 'reject'):",
        "          MicrosoftAppPassword: clientSecret,",
        "  password: dbPassword",
        # Prose after a label; a secret's name in a store; a constant; an instruction; pagination cursors.
        "Password: Managed in AWS Secrets Manager (secret: aurora-master-password)",
        "    hide_password: Whether to hide sensitive password information",
        "        this, 'DBPassword', 'prod/db/password'",
        "    password: str = REQUIRED_FIELD_PASSWORD,",
        '    "password": "UseAStrongPassword"',
        "    'nextToken': 'page2-token',",
        "    response = {'NextPageToken': 'cGFnZTItdG9rZW4x'}",
        # Names of credentials (variables, constants), a type annotation, Go's test verdicts, a challenge.
        "            credentials=s3_credentials or None,",
        "        self._trusted_s3_mount_credentials = trusted_s3_mount_credentials",
        '    TOOL_CALL_SESSION_DESCRIPTION_KEY = "_agents_tool_description"',
        "    schema_secret=_SENSITIVE_SCHEMA_SECRET,",
        "    token: _NonCopyable",
        "--- PASS: TestE2E/Initialize (0.09s)",
        '    w.Header().Set("WWW-Authenticate", fmt.Sprintf(`Bearer resource_metadata=%q`, url))',
        # A C++ stream of a label and a value, scoped names, a value read from a file.
        '    std::cout << "  password: " << data["password"] << std::endl;',
        "    token_type last_token = token_type::uninitialized;",
        "    cached_kv_secret_ = std::make_shared<nlohmann::json>(new_secret);",
        "vault write auth/gcp/config credentials=@path/to/vault/server/creds.json",
        # A choice list in a prompt, a form body's word, a notebook cell's code in its JSON string.
        "    Pass: True/False",
        "    password: yes | no",
        '        timestamp, body = str(int(time())), "token=random&ssl_check=1"',
        "    \"    os.environ['OPENAI_API_KEY'] = OPENAI_API_KEY\\n\",",
        # A class's private field; instructions where the value goes; a URL's fragment after its query.
        '        "x-api-key": this.#apiKey,',
        "BETTER_AUTH_SECRET=replace-with-at-least-32-random-characters",
        "JWT_SECRET=your-32-char-secret",
        "SESSION_SECRET=generate_a_long_random_string_here",
        '    "https://mcp.example.com/mcp?token=query-secret#fragment-secret";',
        # A scoped name after a key-like word; a variable holding a form of the password.
        "                return Token{Token::QuotedString, StringView(cur_++, 1)};",
        "        this.plainTextPassword = plainTextPasswordAsBytes;",
        # A CDK feature flag under a service whose name starts with a provider's; a !Join's closing piece.
        '    "@aws-cdk/aws-elasticloadbalancingV2:'
        'albDualstackWithoutPublicIpv4SecurityGroupRulesDefault": true,',
        "          - ':SecretString:password::}}'",
        # A call's named argument whose value is a variable, on one line or one argument per line.
        "            return key_cls.from_private_key_file(private_key_value, password=passphrase)",
        "conn = connect(\n    host=host,\n    password=db_pass,\n)",
        "    client = Client(user: login, password: secret_value)",
        # Go's address of a variable; a usage line's options; Markdown emphasis after a label.
        "\t\t\t\tadminConfig.AdminPassword = &password",
        "\tuser.Password = &hashed",
        "    2. Username and password: -u/--user and -p/--password",
        "   - Max token: *Optional*",
    ],
)
def test_code_lines_that_only_name_a_secret_stay_quiet(detectors: DetectorSet, line: str) -> None:
    assert detectors.scan_text(line + "\n") == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ('os.environ.setdefault("DB_PASSWORD", "Tr0ub4dor&3-WYEa")', "Tr0ub4dor&3-WYEa"),
        ("props.put('mail.smtp.password', 'iBC7bfPPYt9mpZlFD5');", "iBC7bfPPYt9mpZlFD5"),
        ("const apiToken = 'Jq8vN2xRk5LmW3zT7pYc';", "Jq8vN2xRk5LmW3zT7pYc"),
        # After a label in prose a value with digits or symbols is still a password; a key alone takes a word.
        ("prod admin password: Tr0ub4dor&3", "Tr0ub4dor&3"),
        ("Password: swordfish", "swordfish"),
        ("export PASS=hunterxyz", "hunterxyz"),
        # A PascalCase value is the password itself, not a variable named after one.
        ('<add key="ClearTextPassword" value="TestSourcePassword" />', "TestSourcePassword"),
        # Words after a value with digits, a comment after a word: still judged.
        ("password: hunter2 is the old one", "hunter2"),
        ("password: swordfish # rotated in May", "swordfish"),
        ("export PASS=hunterxyz && ./run.sh", "hunterxyz"),
        # A key inside a string with its own quoted value, and a JSON key and value.
        ("log(\"password: 'Tr0ub4dor&3x'\")", "Tr0ub4dor&3x"),
        ('{"password": "Tr0ub4dor&3x"}', "Tr0ub4dor&3x"),
        # A query string's parameter and code in a JSON string: the value ends where they start.
        ('body = "token=Zq8vN3kR7tW2yP5mB9cD&ssl_check=1"', "Zq8vN3kR7tW2yP5mB9cD"),
        ('    "api_key = Zq8vN3kR7tW2yP5mB9cD\\n",', "Zq8vN3kR7tW2yP5mB9cD"),
        # A password with an ampersand that starts no parameter stays whole.
        ("password=Tr0ub4dor&3x", "Tr0ub4dor&3x"),
        # A passphrase that starts with a word is no instruction; a fragment ends a query's value only.
        ("password=use-the-force-luke-42", "use-the-force-luke-42"),
        ("callback?token=Zq8vN3kR7tW2yP5mB9cD#done", "Zq8vN3kR7tW2yP5mB9cD"),
        ("password=Tr0ub4dor#3x", "Tr0ub4dor#3x"),
        # The same word under a key that does not name it is a chosen password.
        ("DB_PASSWORD=postgres", "postgres"),
        # A password of capitalised words on a line of its own is no type annotation; a tuple is no choice.
        ("  password: CorrectHorseBatteryStaple", "CorrectHorseBatteryStaple"),
        ("    auth = ('password', 'Hk8vQ2mZr5')", "Hk8vQ2mZr5"),
        # A call's argument with a quoted value, and a YAML flow mapping's plain scalar, are literals.
        ("conn = connect(host=h, password='Hk8vQ2mZr5')", "Hk8vQ2mZr5"),
        ("db: {user: admin, password: Hk8vQ2mZr5}", "Hk8vQ2mZr5"),
        ("db: {user: admin, password: Hk8vQ2mZr5, port: 5432}", "Hk8vQ2mZr5"),
        # An ampersand that starts a password with a digit in it; emphasis around a chosen password.
        ("DB_PASSWORD=&Tr0ub4dor3", "&Tr0ub4dor3"),
    ],
)
def test_a_quoted_pair_or_assignment_still_reports_its_value(
    detectors: DetectorSet, line: str, value: str
) -> None:
    assert [h.value for h in detectors.scan_text(line + "\n")] == [value]


# ------------------------------------------------------------------------------------------------ prefilters

SAMPLE = (
    f"aws_access_key_id = {AWS_ID}\naws_secret_access_key = {AWS_SECRET}\nnoise line with token words\n"
    f"SLACK={SLACK_1}\n# Ünicode ✓ {SLACK_2}\npassword: 'Tr0ub4dor&3-WYEa'\n"
    "API_TOKEN=0F2UsAQVafyQgMZZo8o21XiH\n"
    f"openai: {OPENAI}\nurl: https://bot:iBC7bfPPYt9mpZlFD5@proxy.internal.example:3128\n"
)


def _fingerprint(hits: list[Hit]) -> list[tuple[str, int, int, str]]:
    return [(h.detector.id, h.start, h.end, h.confidence.value) for h in hits]


@pytest.mark.skipif(not hyperscan_available(), reason="the hyperscan wheel is not installed on this platform")
def test_hyperscan_and_fallback_agree() -> None:
    fast = DetectorSet.load(prefilter="hyperscan")
    slow = DetectorSet.load(prefilter="python")
    assert fast.prefilter_name == "hyperscan" and slow.prefilter_name == "python"
    expected = _fingerprint(slow.scan_text(SAMPLE))
    assert len(expected) >= 7
    assert _fingerprint(fast.scan_text(SAMPLE)) == expected
    for ds in (fast, slow):
        assert ds.candidates(SAMPLE.encode())
        assert ds.candidates(b"prefix XOXB- suffix")  # case-insensitive
        assert not ds.candidates(b"nothing of interest here, just prose about queues and workers")
        assert not ds.candidates(b"")


@pytest.mark.parametrize("prefilter", ["python", "auto"])
def test_set_survives_pickling(prefilter: str) -> None:
    ds = DetectorSet.load(prefilter=prefilter)  # type: ignore[arg-type]
    before = _fingerprint(ds.scan_text(SAMPLE))
    clone = pickle.loads(pickle.dumps(ds))
    assert _fingerprint(clone.scan_text(SAMPLE)) == before


# ------------------------------------------------------------------------------------------------ bench fakes

# How each fake from fakes.make_fakes is written, and the kind it must be reported as.
FAKE_KINDS = {
    "aws_key_id": ("aws_access_key_id", "aws_access_key_id"),
    "aws_key_id_example": ("aws_access_key_id", "aws_access_key_id"),
    "aws_secret": ("aws_secret_access_key", "aws_secret_access_key"),
    "aws_sts_id": ("AWS_ACCESS_KEY_ID", "aws_access_key_id"),
    "slack_bot": ("slack_bot_token", "slack_bot_token"),
    "slack_user": ("slack_user_token", "slack_user_token"),
    "slack_app": ("slack_app_token", "slack_app_token"),
    "slack_webhook": ("webhook_url", "slack_webhook_url"),
    "openai_proj": ("openai_api_key", "openai_api_key"),
    "anthropic": ("anthropic_api_key", "anthropic_api_key"),
    "github_pat": ("github_token", "github_pat"),
    "github_fg_pat": ("gh_pat", "github_fine_grained_pat"),
    "vault_hvs": ("vault_token", "vault_token"),
    "google_api": ("google_api_key", "google_api_key"),
    "azure_client_secret": ("azure_client_secret", "azure_client_secret"),
    "sf_session": ("sf_access_token", "salesforce_access_token"),
    "sf_consumer_key": ("sf_consumer_key", "salesforce_consumer_key"),
    "sf_consumer_secret": ("sf_consumer_secret", "salesforce_consumer_secret"),
    "jwt": ("bearer_token", "jwt"),
    "db_password": ("DB_PASSWORD", "password"),
    "pg_url": ("database_url", "database_password"),
}


def _bench_module(name: str):  # type: ignore[no-untyped-def]
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return __import__(name)


@NEEDS_BENCH
@pytest.mark.parametrize("seed", [1, 2, 3, 1042])
def test_planted_fakes_are_found_with_the_right_kind(detectors: DetectorSet, seed: int) -> None:
    fakes = _bench_module("fakes")
    made = fakes.make_fakes(seed)
    assert set(made) == set(FAKE_KINDS), "fakes.py changed: update FAKE_KINDS"
    lines = [f"{key}: {made[name]}" for name, (key, _) in FAKE_KINDS.items()]
    text = "\n".join(lines) + "\n" + fakes.fake_pem(seed)
    hits = detectors.scan_text(text)
    found = {(h.kind, h.value) for h in hits}
    for name, (key, kind) in FAKE_KINDS.items():
        expected = made["db_password"] if name == "pg_url" else made[name]
        assert (kind, expected) in found, f"{name} not found as {kind}"
        # The same value as a structured scalar under its key.
        assert kind in {h.kind for h in detectors.scan_value(key, made[name])}, f"{name} via scan_value"
    assert any(h.kind == "private_key" and h.value.startswith(fakes.PEM_HEADER) for h in hits)


@NEEDS_BENCH
def test_fp_bait_corpus_yields_no_generic_hits(detectors: DetectorSet) -> None:
    gen = _bench_module("gen_tree")
    gen.KEYS, gen.ENVWORDS = gen.SAFE_KEYS, gen.WORDS  # what --fp-bait selects
    rng = random.Random(7)
    for make in (gen.gen_yaml, gen.gen_json, gen.gen_py, gen.gen_env, gen.gen_md):
        text = make(rng, 60_000)
        hits = detectors.scan_text(text)
        assert hits == [], f"{make.__name__}: {[(h.detector.id, h.key) for h in hits][:5]}"


@pytest.mark.parametrize(
    "line",
    [
        # Badge tokens in a README's image links (Codecov's graph token, Travis CI's status token): they only
        # draw a private repository's badge.
        "[![coverage](https://codecov.io/gh/acme/widgets/branch/main/graph/badge.svg?token=Q7ZK2M9XWP)]"
        "(https://codecov.io/gh/acme/widgets)",
        "[![Build](https://travis-ci.com/acme/widgets.svg?branch=main&token=pQ4sR8tV2wX6yZ1a)]"
        "(https://travis-ci.com/acme/widgets)",
        '<img src="https://img.shields.io/endpoint?url=https%3A%2F%2Facme.dev&token=Kf83Jd92LQ" alt="ok">',
        "<img alt='status' src='https://ci.acme.dev/status.png?token=Kf83Jd92LQ'>",
    ],
)
def test_a_token_in_an_image_url_is_no_finding(detectors: DetectorSet, line: str) -> None:
    assert detectors.scan_text(line + "\n") == []


@pytest.mark.parametrize(
    "line",
    [
        'curl "https://api.acme.io/v1/export?token=Q7ZK2M9XWPz4"',
        "[report](https://files.acme.io/report.csv?token=Q7ZK2M9XWPz4)",
        # A provider's token is found wherever it sits, an image link included.
        f"![x](https://acme.dev/badge.svg?token={SLACK_1})",
    ],
)
def test_a_token_in_any_other_url_is_still_found(detectors: DetectorSet, line: str) -> None:
    assert detectors.scan_text(line + "\n")


def _base64_run(seed: int, n: int) -> str:
    import random

    rng = random.Random(seed)
    return "".join(
        rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(n)
    )


def test_a_token_prefix_inside_an_inlined_image_is_no_token(detectors: DetectorSet) -> None:
    # A JPEG inlined in an SVG: its base64 happens to spell `EAA` and 90+ letters between a `+` and a `/`.
    body = "EAA" + "".join("AQgKZb3xT9"[i % 10] for i in range(97))
    svg = (
        '<image xlink:href="data:image/jpeg;base64,/9j/4QBj'
        + _base64_run(1, 120)
        + "+"
        + body
        + "/"
        + _base64_run(2, 120)
        + '" />\n'
    )
    assert [h.detector.id for h in detectors.scan_text(svg)] == []
    # The same characters between delimiters are a token.
    assert [h.value for h in detectors.scan_text(f"FB_TOKEN={body}\n")] == [body]
    assert [
        h.value for h in detectors.scan_text(f"https://graph.example.com/me?access_token={body}&x=1\n")
    ] == [body]
