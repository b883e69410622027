"""Text that came from a roster is shown as text: Markdown in it is escaped, never rendered."""
import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text) -> str:
    """Escape every character Streamlit's Markdown (labels included) would interpret."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", " ")
