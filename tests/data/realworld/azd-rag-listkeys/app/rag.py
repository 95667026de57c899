import os

from azure.core.credentials import AzureKeyCredential
from azure.search.documents import SearchClient
from openai import AzureOpenAI

search = SearchClient(
    endpoint=os.environ["AZURE_SEARCH_ENDPOINT"],
    index_name="handbook",
    credential=AzureKeyCredential(os.environ["AZURE_SEARCH_KEY"]),
)
llm = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)


def ask(question: str) -> str:
    hits = search.search(question, top=3)
    context = "\n".join(hit["content"] for hit in hits)
    reply = llm.chat.completions.create(
        model=os.environ.get("AZURE_OPENAI_CHAT_DEPLOYMENT", "gpt-4o"),
        messages=[
            {"role": "system", "content": "Answer from the handbook excerpts only."},
            {"role": "user", "content": f"{context}\n\nQuestion: {question}"},
        ],
    )
    return reply.choices[0].message.content or ""
