//! Axis ticks for the charts: round steps (1, 2 or 5 times a power of ten) and their labels in
//! the units Go developers read (ns/µs/ms/s, B/KiB/MiB/GiB).

use crate::playback::player::format_time;

/// The smallest "nice" step at or above `raw`: 1, 2 or 5 times a power of ten.
pub fn nice_step(raw: f64) -> f64 {
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|t| *t >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * p)
}

/// A value axis from 0: a round step and a top that is a whole number of steps at or above the
/// data's maximum, so the data fills most of the height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueAxis {
    /// Distance between ticks, in the axis's unit.
    pub step: f64,
    /// The top of the axis, a multiple of `step`.
    pub top: f64,
}

impl ValueAxis {
    /// An axis for values up to `max` with at most about `ticks` steps; `min_step` keeps counts
    /// from getting fractional ticks.
    pub fn fit(max: f64, ticks: u32, min_step: f64) -> ValueAxis {
        let max = if max.is_finite() { max.max(0.0) } else { 0.0 };
        let step = nice_step(max / f64::from(ticks.max(1))).max(min_step);
        let top = ((max / step - 1e-9).ceil() * step).max(step);
        ValueAxis { step, top }
    }

    /// The tick values from 0 to the top, inclusive.
    pub fn ticks(&self) -> Vec<f64> {
        let n = (self.top / self.step).round() as u32;
        (0..=n).map(|i| f64::from(i) * self.step).collect()
    }
}

/// Time ticks for an axis from 0 to `end_ns`: about six, at round values.
pub fn time_ticks(end_ns: i64) -> Vec<i64> {
    if end_ns <= 0 {
        return vec![0];
    }
    let step = (nice_step(end_ns as f64 / 6.0) as i64).max(1);
    (0..)
        .map(|i| i * step)
        .take_while(|t| *t <= end_ns)
        .collect()
}

/// A time tick's label: `0`, `200ms`, `1.5s`.
pub fn time_label(t: i64) -> String {
    if t == 0 {
        "0".to_string()
    } else {
        format_time(t)
    }
}

/// Binary units, each 1024 times the last.
const BYTE_UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];

/// The heap axis for peaks up to `max` bytes, in the largest unit that keeps the peak at or
/// above 1 (so ticks read "10 KiB", "20 KiB"), and that unit's size and name.
pub fn bytes_axis(max: u64) -> (ValueAxis, f64, &'static str) {
    let mut unit = 1.0;
    let mut name = BYTE_UNITS[0];
    for u in &BYTE_UNITS[1..] {
        if (max as f64) < unit * 1024.0 {
            break;
        }
        unit *= 1024.0;
        name = u;
    }
    // Bytes are whole; in a larger unit a tenth is fine ("0.5 KiB").
    let min_step = if name == "B" { 1.0 } else { 0.1 };
    (ValueAxis::fit(max as f64 / unit, 5, min_step), unit, name)
}

/// A tick value with at most one decimal and no trailing zero: `2`, `2.5`.
pub fn tick_number(v: f64) -> String {
    let s = format!("{v:.1}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A count with thousands separators: `20,001`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps_are_1_2_5_times_a_power_of_ten() {
        let got: Vec<f64> = [0.0, 1.0, 3.0, 7.0, 11.0, 20.0, 4_000.2, 0.24]
            .map(nice_step)
            .into();
        assert_eq!(got, [1.0, 1.0, 5.0, 10.0, 20.0, 20.0, 5_000.0, 0.5]);
    }

    #[test]
    fn goroutine_axes_end_one_step_above_the_peak_at_most() {
        let fit = |max: f64| {
            let a = ValueAxis::fit(max, 5, 1.0);
            (a.step, a.top)
        };
        assert_eq!(fit(21.0), (5.0, 25.0));
        assert_eq!(fit(20_001.0), (5_000.0, 25_000.0));
        assert_eq!(fit(20_000.0), (5_000.0, 20_000.0));
        assert_eq!(fit(13.0), (5.0, 15.0));
        assert_eq!(fit(1.0), (1.0, 1.0));
        assert_eq!(fit(0.0), (1.0, 1.0));
        assert_eq!(
            ValueAxis::fit(21.0, 5, 1.0).ticks(),
            [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]
        );
    }

    #[test]
    fn time_ticks_for_a_second_and_a_bit_are_every_200ms() {
        let ticks = time_ticks(1_050_000_000);
        assert_eq!(
            ticks,
            [
                0,
                200_000_000,
                400_000_000,
                600_000_000,
                800_000_000,
                1_000_000_000
            ]
        );
        let labels: Vec<String> = ticks.into_iter().map(time_label).collect();
        assert_eq!(labels, ["0", "200ms", "400ms", "600ms", "800ms", "1s"]);
        assert_eq!(
            time_ticks(2_500_000_000),
            [
                0,
                500_000_000,
                1_000_000_000,
                1_500_000_000,
                2_000_000_000,
                2_500_000_000
            ]
        );
        assert_eq!(time_ticks(7), [0, 2, 4, 6]);
        assert_eq!(time_ticks(0), [0]);
    }

    #[test]
    fn heap_axes_tick_in_binary_units() {
        // 48 KiB of peak: ticks every 10 KiB up to 50 KiB.
        let (a, unit, name) = bytes_axis(48 * 1024);
        assert_eq!((a.step, a.top, unit, name), (10.0, 50.0, 1024.0, "KiB"));
        // 36,864,000 bytes (35.2 MiB): every 10 MiB up to 40 MiB.
        let (a, unit, name) = bytes_axis(36_864_000);
        assert_eq!(
            (a.step, a.top, unit, name),
            (10.0, 40.0, 1024.0 * 1024.0, "MiB")
        );
        // 1536 bytes is 1.5 KiB: ticks every 0.5 KiB.
        let (a, _, name) = bytes_axis(1536);
        assert_eq!((a.step, a.top, name), (0.5, 1.5, "KiB"));
        let (a, _, name) = bytes_axis(300);
        assert_eq!((a.step, a.top, name), (100.0, 300.0, "B"));
    }

    #[test]
    fn numbers_read_plainly() {
        assert_eq!(
            [0.0, 2.5, 10.0, 0.30000000000000004].map(tick_number),
            ["0", "2.5", "10", "0.3"]
        );
        assert_eq!(
            [0, 999, 1_000, 20_001, 1_234_567].map(thousands),
            ["0", "999", "1,000", "20,001", "1,234,567"]
        );
    }
}
