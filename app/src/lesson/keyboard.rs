//! The lesson page's keyboard shortcuts as a pure mapping: a key and what has the focus give a
//! command (or none, when the key belongs to the focused element). The page wires it to
//! [`crate::lesson::controller::LessonController`]; the mapping is tested natively.

/// What has the keyboard focus when a key is pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The page itself, or an element that does not take keys.
    Page,
    /// A text or number box, or a drop-down: every key is input.
    Field,
    /// A slider (the scrubber, a parameter): it moves with the arrows itself.
    Slider,
    /// A button or a link: space and Enter press it.
    Control,
}

impl Focus {
    /// The focus kind of an element, from its tag name (any case) and, for `<input>`, its
    /// `type` attribute.
    pub fn of(tag: &str, input_type: &str) -> Focus {
        match tag.to_ascii_uppercase().as_str() {
            "INPUT" if input_type.eq_ignore_ascii_case("range") => Focus::Slider,
            "INPUT"
                if ["button", "submit", "reset", "checkbox", "radio"]
                    .iter()
                    .any(|t| input_type.eq_ignore_ascii_case(t)) =>
            {
                Focus::Control
            }
            "INPUT" | "TEXTAREA" | "SELECT" => Focus::Field,
            "BUTTON" | "A" | "SUMMARY" => Focus::Control,
            _ => Focus::Page,
        }
    }
}

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Play or pause.
    Toggle,
    /// One event forward.
    Step,
    /// One event back.
    StepBack,
    /// The next lesson in the catalog.
    NextLesson,
    /// The previous lesson in the catalog.
    PreviousLesson,
    /// Stop the run in progress (Esc; the page takes it only while one runs).
    Stop,
}

/// The command for `key` (a `KeyboardEvent.key`) pressed with `focus`; `None` leaves the key to
/// the browser. Space on a button presses the button; the arrows on a slider move the slider.
pub fn command(key: &str, focus: Focus) -> Option<Command> {
    if key == "Escape" {
        return Some(Command::Stop);
    }
    if focus == Focus::Field {
        return None;
    }
    match key {
        " " if focus != Focus::Control => Some(Command::Toggle),
        "ArrowRight" if focus != Focus::Slider => Some(Command::Step),
        "ArrowLeft" if focus != Focus::Slider => Some(Command::StepBack),
        "n" | "N" => Some(Command::NextLesson),
        "p" | "P" => Some(Command::PreviousLesson),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_follows_the_element() {
        assert_eq!(Focus::of("input", "range"), Focus::Slider);
        assert_eq!(Focus::of("INPUT", "number"), Focus::Field);
        assert_eq!(Focus::of("INPUT", ""), Focus::Field);
        assert_eq!(Focus::of("input", "checkbox"), Focus::Control);
        assert_eq!(Focus::of("SELECT", ""), Focus::Field);
        assert_eq!(Focus::of("button", ""), Focus::Control);
        assert_eq!(Focus::of("A", ""), Focus::Control);
        assert_eq!(Focus::of("DIV", ""), Focus::Page);
        assert_eq!(Focus::of("BODY", ""), Focus::Page);
    }

    #[test]
    fn escape_stops_a_run_wherever_the_focus_is() {
        for focus in [Focus::Page, Focus::Field, Focus::Slider, Focus::Control] {
            assert_eq!(command("Escape", focus), Some(Command::Stop));
        }
    }

    #[test]
    fn on_the_page_every_shortcut_works() {
        assert_eq!(command(" ", Focus::Page), Some(Command::Toggle));
        assert_eq!(command("ArrowRight", Focus::Page), Some(Command::Step));
        assert_eq!(command("ArrowLeft", Focus::Page), Some(Command::StepBack));
        assert_eq!(command("n", Focus::Page), Some(Command::NextLesson));
        assert_eq!(command("P", Focus::Page), Some(Command::PreviousLesson));
        assert_eq!(command("x", Focus::Page), None);
        assert_eq!(command("Enter", Focus::Page), None);
    }

    #[test]
    fn typing_in_a_field_is_never_a_shortcut() {
        for key in [" ", "ArrowRight", "ArrowLeft", "n", "p"] {
            assert_eq!(command(key, Focus::Field), None, "{key:?}");
        }
    }

    #[test]
    fn a_slider_keeps_its_arrows_but_space_plays() {
        assert_eq!(command("ArrowRight", Focus::Slider), None);
        assert_eq!(command("ArrowLeft", Focus::Slider), None);
        assert_eq!(command(" ", Focus::Slider), Some(Command::Toggle));
        assert_eq!(command("n", Focus::Slider), Some(Command::NextLesson));
    }

    #[test]
    fn a_button_keeps_space_but_the_arrows_step() {
        assert_eq!(command(" ", Focus::Control), None);
        assert_eq!(command("ArrowRight", Focus::Control), Some(Command::Step));
        assert_eq!(
            command("ArrowLeft", Focus::Control),
            Some(Command::StepBack)
        );
    }
}
