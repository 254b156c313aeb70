//! Undo and redo of what the user changes on the map: moves and pins, layout re-runs, filters,
//! focus, node size and the as-of date. Each entry is the state before a change, named for it.

use std::time::{Duration, Instant};

use crate::kb::Date;
use crate::view::{SizeMeasure, ViewFilter};

/// How many changes can be undone.
const DEPTH: usize = 100;
/// Changes of one kind closer together than this (a node dragged, a slider moved: a change
/// every frame) are one step.
const COALESCE: Duration = Duration::from_millis(600);

/// The map's state the user can change, as it was before a change named `label`.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub label: String,
    pub filter: ViewFilter,
    pub size_measure: SizeMeasure,
    pub date: Option<Date>,
    /// Layout positions and pins, by layout index.
    pub positions: Vec<[f32; 2]>,
    pub pinned: Vec<bool>,
}

impl Snapshot {
    pub fn new(
        label: String,
        filter: ViewFilter,
        size_measure: SizeMeasure,
        date: Option<Date>,
        positions: Vec<[f32; 2]>,
        pinned: Vec<bool>,
    ) -> Self {
        Self { label, filter, size_measure, date, positions, pinned }
    }
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The label and time of the last change recorded (or coalesced).
    last_change: Option<(String, Instant)>,
}

impl History {
    /// Records the state before a change; a new change clears what could be redone.
    pub fn record(&mut self, before: Snapshot) {
        self.redo.clear();
        let now = Instant::now();
        let continues = self.last_change.as_ref().is_some_and(|(label, at)| {
            *label == before.label && now.duration_since(*at) < COALESCE && !self.undo.is_empty()
        });
        self.last_change = Some((before.label.clone(), now));
        if continues {
            // The same control still moving: keep the state from before it started.
            return;
        }
        self.undo.push(before);
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
    }

    /// The state to go back to, given the `current` one (which becomes redoable).
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let previous = self.undo.pop()?;
        self.last_change = None;
        self.redo.push(Snapshot { label: previous.label.clone(), ..current });
        Some(previous)
    }

    /// The state to go forward to, given the `current` one (which becomes undoable).
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.redo.pop()?;
        self.last_change = None;
        self.undo.push(Snapshot { label: next.label.clone(), ..current });
        Some(next)
    }

    /// What Undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Forgets everything (another map was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.last_change = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(label: &str, x: f32) -> Snapshot {
        Snapshot::new(label.into(), ViewFilter::default(), SizeMeasure::Mentions, None, vec![[x, 0.0]], vec![false])
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut h = History::default();
        assert!(h.undo(state("", 0.0)).is_none());
        h.record(state("Move A", 1.0));
        std::thread::sleep(COALESCE);
        h.record(state("Move B", 2.0));
        assert_eq!(h.undo_label(), Some("Move B"));
        let back = h.undo(state("", 3.0)).unwrap();
        assert_eq!(back.positions, vec![[2.0, 0.0]]);
        assert_eq!(h.redo_label(), Some("Move B"));
        let forward = h.redo(state("", 2.0)).unwrap();
        assert_eq!(forward.positions, vec![[3.0, 0.0]]);
        // A new change forgets the redo.
        h.undo(state("", 3.0)).unwrap();
        h.record(state("Filter", 2.0));
        assert_eq!(h.redo_label(), None);
        assert_eq!(h.undo_label(), Some("Filter"));
    }

    #[test]
    fn a_control_still_moving_is_one_step() {
        let mut h = History::default();
        // A drag: a move every frame for longer than the pause that separates two changes.
        for x in 0..12 {
            h.record(state("Filter", 1.0 + x as f32));
            std::thread::sleep(COALESCE / 8);
        }
        h.record(state("Filter", 2.0));
        assert_eq!(h.undo(state("", 3.0)).unwrap().positions, vec![[1.0, 0.0]]);
        assert!(h.undo(state("", 1.0)).is_none());
    }
}
