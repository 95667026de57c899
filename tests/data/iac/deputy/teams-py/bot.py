from botbuilder.core import TeamsActivityHandler, TurnContext
from graph import user_manager


class HrBot(TeamsActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext):
        name = turn_context.activity.text.strip()
        await turn_context.send_activity(f"{name} reports to {user_manager(name)}")
