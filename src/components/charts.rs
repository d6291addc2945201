//! Small charts drawn as SVG by the app, each with its figures as a table for screen readers
//! and for anyone who wants the numbers.

use leptos::prelude::*;

/// One bar: its label, its value, and a CSS class for its colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: usize,
    pub class: String,
}

/// Vertical columns in order (e.g. months), labelled below. A two-word label (`Sep 2020`) is
/// drawn on two lines, the second only where it changes; with many columns only every few
/// labels are drawn. `caption` names the chart for assistive technology.
#[component]
pub fn ColumnChart(bars: Vec<Bar>, caption: String, unit: &'static str) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let (col, gap, height, base) = (30.0_f64, 6.0, 120.0, 34.0);
    let width = (bars.len() as f64 * (col + gap)).max(col);
    let label_every = bars.len().div_ceil(16).max(1);
    let second = |i: usize| {
        bars.get(i)
            .and_then(|b: &Bar| b.label.split_once(' '))
            .map(|(_, s)| s)
    };
    let columns = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let h = height * b.value as f64 / max as f64;
            let x = i as f64 * (col + gap);
            view! {
                <g class=b.class.clone()>
                    <rect x=x y=height - h width=col height=h class="bar">
                        <title>{format!("{}: {} {unit}", b.label, b.value)}</title>
                    </rect>
                    {(b.value > 0).then(|| view! {
                        <text x=x + col / 2.0 y=height - h - 4.0 class="value" text-anchor="middle">{b.value}</text>
                    })}
                    {(i % label_every == 0).then(|| {
                        let first = b.label.split(' ').next().unwrap_or_default().to_string();
                        let below = (i == 0 || second(i) != second(i - label_every)).then(|| second(i).unwrap_or_default().to_string());
                        view! {
                            <text x=x + col / 2.0 y=height + 15.0 class="axis" text-anchor="middle">{first}</text>
                            {below.map(|s| view! { <text x=x + col / 2.0 y=height + 29.0 class="axis" text-anchor="middle">{s}</text> })}
                        }
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 -16 {width} {}", height + base + 16.0) role="img" aria-label=caption.clone() class="columns" style=("max-width", format!("{}px", width * 1.6))>
                {columns}
            </svg>
            <DataTable bars=bars caption=caption unit=unit />
        </figure>
    }
}

/// Horizontal bars with their labels at the left (e.g. outlets), largest first as given.
#[component]
pub fn BarChart(bars: Vec<Bar>, caption: String, unit: &'static str) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let (row, gap, label_w, bar_w) = (20.0_f64, 8.0, 170.0, 240.0);
    let height = bars.len() as f64 * (row + gap);
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as f64 * (row + gap);
            let w = bar_w * b.value as f64 / max as f64;
            view! {
                <g class=b.class.clone()>
                    <text x=label_w - 8.0 y=y + row * 0.75 class="axis" text-anchor="end">{b.label.clone()}</text>
                    <rect x=label_w y=y width=w height=row class="bar">
                        <title>{format!("{}: {} {unit}", b.label, b.value)}</title>
                    </rect>
                    <text x=label_w + w + 6.0 y=y + row * 0.75 class="value">{b.value}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} {height}", label_w + bar_w + 40.0) role="img" aria-label=caption.clone() class="bars">
                {rows}
            </svg>
            <DataTable bars=bars caption=caption unit=unit />
        </figure>
    }
}

/// A chart's figures as a table, folded away under its caption.
#[component]
fn DataTable(bars: Vec<Bar>, caption: String, unit: &'static str) -> impl IntoView {
    view! {
        <details class="chart-data">
            <summary>{format!("{caption} (table)")}</summary>
            <table>
                <thead><tr><th scope="col">""</th><th scope="col" class="num">{unit}</th></tr></thead>
                <tbody>
                    {bars.into_iter().map(|b| view! {
                        <tr><th scope="row">{b.label}</th><td class="num">{b.value}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

/// A node of a [`NetworkChart`]: its label, a CSS class, and the size of its dot.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub label: String,
    pub class: String,
    pub weight: usize,
}

/// The first node in the centre, the others on a circle around it; edge widths follow their
/// weights. The links to each node are in the table beside it, not in the drawing.
#[component]
pub fn NetworkChart(nodes: Vec<Node>, edges: Vec<(usize, usize, usize)>, caption: String) -> impl IntoView {
    let (w, h, r) = (520.0_f64, 340.0, 125.0);
    let around = nodes.len().saturating_sub(1).max(1) as f64;
    let pos = |i: usize| -> (f64, f64) {
        if i == 0 {
            (w / 2.0, h / 2.0)
        } else {
            let a = std::f64::consts::TAU * (i - 1) as f64 / around - std::f64::consts::FRAC_PI_2;
            (w / 2.0 + 1.45 * r * a.cos(), h / 2.0 + r * a.sin())
        }
    };
    let max_edge = edges.iter().map(|e| e.2).max().unwrap_or(1).max(1) as f64;
    let max_node = nodes.iter().map(|n| n.weight).max().unwrap_or(1).max(1) as f64;
    let lines = edges
        .iter()
        .map(|&(a, b, weight)| {
            let ((x1, y1), (x2, y2)) = (pos(a), pos(b));
            view! {
                <line x1=x1 y1=y1 x2=x2 y2=y2 class="edge" stroke-width=1.0 + 5.0 * weight as f64 / max_edge>
                    <title>{format!("{} and {}: {weight} sentences", nodes[a].label, nodes[b].label)}</title>
                </line>
            }
        })
        .collect_view();
    let dots = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let (x, y) = pos(i);
            let radius = 6.0 + 12.0 * (n.weight as f64 / max_node).sqrt();
            let below = y >= h / 2.0;
            view! {
                <g class=format!("node {}", n.class)>
                    <circle cx=x cy=y r=radius />
                    <text x=x y=if below { y + radius + 14.0 } else { y - radius - 6.0 } text-anchor="middle">{n.label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart network">
            <svg viewBox=format!("0 0 {w} {h}") role="img" aria-label=caption>
                {lines}
                {dots}
            </svg>
        </figure>
    }
}
