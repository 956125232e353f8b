import gc
import weakref

from reader.ui.garbage import MainThreadGarbageCollector, collect_on_main_thread


class Cycle:
    def __init__(self) -> None:
        self.me = self


def unreachable_cycles(count: int) -> list[weakref.ref]:
    """`count` objects that only refer to themselves, as weak references."""
    return [weakref.ref(Cycle()) for _ in range(count)]


def test_automatic_collection_is_off_and_the_collector_frees_cycles(qapp):
    collector = collect_on_main_thread(qapp)
    assert collect_on_main_thread(qapp) is collector
    assert qapp.findChildren(MainThreadGarbageCollector) == [collector]
    assert not gc.isenabled()
    assert collector._timer.isActive()

    # check() returns how many unreachable objects the collection found in the generations
    # it collected, whoever made them: while automatic collection is off, earlier tests'
    # garbage waits in the older generations, and a collection that reaches them counts it
    # too. So start from empty generations, then follow cycles of this test's own.
    gc.collect()
    cycles = unreachable_cycles(gc.get_threshold()[0] + 1)
    # Past the youngest generation's threshold, yet nothing collected them on its own.
    assert all(ref() is not None for ref in cycles)
    assert collector.check() >= len(cycles)
    assert all(ref() is None for ref in cycles)
    # No count has passed its threshold now: the check collects nothing.
    assert collector.check() == 0
