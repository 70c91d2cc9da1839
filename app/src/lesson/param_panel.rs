//! The lesson's parameters: a slider and a number box each. Moving one re-runs both programs;
//! the first move of a drag makes a history entry, the rest of the drag updates it in place.

use leptos::prelude::*;

use crate::i18n::tr;
use lessons::catalog::Param;

use crate::lesson::controller::LessonController;
use crate::playback::player::SliderScale;

/// All of a lesson's parameters.
#[component]
pub fn ParamPanel(ctl: LessonController) -> impl IntoView {
    let params = &ctl.lesson.params;
    let lang = crate::i18n::use_lang();
    (!params.is_empty()).then(|| {
        view! {
            <fieldset class="params" aria-label=move || tr(lang.get(), "Lesson parameters")>
                <legend>{move || tr(lang.get(), "Parameters")}</legend>
                {params
                    .iter()
                    .enumerate()
                    .map(|(i, p)| view! { <ParamControl ctl=ctl index=i param=p lang=lang /> })
                    .collect_view()}
            </fieldset>
        }
    })
}

/// One parameter.
#[component]
fn ParamControl(
    ctl: LessonController,
    index: usize,
    param: &'static Param,
    lang: RwSignal<crate::i18n::Lang>,
) -> impl IntoView {
    let lesson = ctl.lesson;
    let label = move || lesson.param_label(param, lang.get() == crate::i18n::Lang::Zh);
    let scale = SliderScale {
        lo: param.lo,
        hi: param.hi,
    };
    let value = Signal::derive(move || {
        ctl.params
            .with(|v| v.get(index).copied())
            .unwrap_or(param.default)
    });
    let dragging = StoredValue::new(false);
    let id = format!("param-{}", param.name);
    let name = param.name.as_str();
    view! {
        <div class="param">
            <label for=id.clone()>
                {label}
                <span class="range">{format!(" ({}–{})", param.lo, param.hi)}</span>
            </label>
            <div class="param-inputs">
                <input
                    id=id.clone()
                    type="range"
                    data-testid=id.clone()
                    min=scale.min_position().to_string()
                    max=scale.max_position().to_string()
                    prop:value=move || scale.position(value.get()).to_string()
                    aria-valuetext=move || value.get().to_string()
                    on:input=move |ev| {
                        if let Ok(p) = event_target_value(&ev).parse::<i64>() {
                            let first = !dragging.get_value();
                            dragging.set_value(true);
                            ctl.set_param(name, scale.value(p), first);
                        }
                    }
                    on:change=move |_| dragging.set_value(false)
                />
                <input
                    type="number"
                    class="num"
                    data-testid=format!("{id}-number")
                    aria-label=move || format!("{} ({})", label(), tr(lang.get(), "number"))
                    min=param.lo.to_string()
                    max=param.hi.to_string()
                    prop:value=move || value.get().to_string()
                    on:change=move |ev| {
                        match event_target_value(&ev).trim().parse::<i64>() {
                            Ok(v) => {
                                ctl.set_param(name, v, true);
                            }
                            // Not a number: show the current value again.
                            Err(_) => ctl.params.notify(),
                        }
                    }
                />
            </div>
        </div>
    }
}
