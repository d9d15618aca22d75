from . import ChannelBackend


class NoopChannel(ChannelBackend):
    """Accepts every message and sends nothing: for benchmarks of the pipeline itself."""

    def send(self, delivery, message) -> None:
        return None
