"""Stored speakers by every name they go by, so that ingestion gives one person one row."""

from .analysis.names import same_speaker_name, spelling_key
from .models import Speaker, SpeakerAlias, SpeakerKind


class SpeakerDirectory:
    """The stored speakers, read once, and those made since; a new spelling of a known
    person or source becomes an alias of theirs."""

    def __init__(self):
        self.by_name = {}
        self.similar_pools = {SpeakerKind.PERSON: [], SpeakerKind.ANONYMOUS: []}
        for speaker in Speaker.objects.prefetch_related("aliases"):
            self._remember(speaker, speaker.name)
            for alias in speaker.aliases.all():
                self._remember(speaker, alias.name)

    def _remember(self, speaker, name):
        self.by_name[spelling_key(name)] = speaker
        pool = self.similar_pools.get(speaker.kind)
        if pool is not None:
            pool.append((name, speaker))

    def find_or_create(self, ref):
        """The stored speaker the analysis's SpeakerRef names, made if new; None for none."""
        if ref is None or not ref.name.strip():
            return None
        name = ref.name.strip()[:200]
        known = self.by_name.get(spelling_key(name))
        if known:
            return known
        pool = self.similar_pools.get(ref.kind, [])
        match = next(
            (s for known_name, s in pool if same_speaker_name(name, known_name, ref.kind)), None
        )
        if match:
            SpeakerAlias.objects.get_or_create(name=name, defaults={"speaker": match})
            self._remember(match, name)
            return match
        speaker, _ = Speaker.objects.get_or_create(name=name, defaults={"kind": ref.kind})
        self._remember(speaker, name)
        return speaker
