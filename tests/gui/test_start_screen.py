"""The start screen: where answers go is chosen first; training mode has nothing to choose."""

from __future__ import annotations

from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.session import StorageChoice


def test_the_storage_choice_comes_before_the_scans(window: MainWindow) -> None:
    start = window.start
    assert start.privacy.y() < start.cards[0].y()
    # tab order follows creation: the choice is reached before "Start deze scan"
    chain, widget = [], start.storage_buttons[StorageChoice.MEMORY]
    for _ in range(50):
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain.index(start.cards[0].button) > 0


def test_training_mode_hides_the_storage_choice_and_restores_the_text_size(
    window: MainWindow,
) -> None:
    start = window.start
    window.set_text_scale(100)
    window.set_training(True)
    assert start.privacy.isHidden()
    assert start.training_button.isHidden()
    assert start.storage_choice() is StorageChoice.MEMORY
    assert window.text_scale == 150
    window.set_training(False)
    assert not start.privacy.isHidden()
    assert not start.training_button.isHidden()
    assert window.text_scale == 100
