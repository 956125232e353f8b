import gc

from reader.ui.garbage import MainThreadGarbageCollector, collect_on_main_thread


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_and_the_collector_frees_cycles(qapp):
    collector = collect_on_main_thread(qapp)
    assert collect_on_main_thread(qapp) is collector
    assert qapp.findChildren(MainThreadGarbageCollector) == [collector]
    assert not gc.isenabled()
    assert collector._timer.isActive()

    gc.collect()  # what earlier tests left in the older generations would be collected below
    for _ in range(gc.get_threshold()[0] + 1):
        Cycle()
    assert collector.check() >= gc.get_threshold()[0]
    assert collector.check() == 0
