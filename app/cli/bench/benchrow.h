#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Ledgerdesk::Cli {

// How a figure is judged: against its baseline as a ratio, against an absolute limit, or not.
enum class TargetKind { None, Ratio, Absolute };

// One line of the benchmark table: a figure, what it is compared with, and the target.
struct BenchRow
{
    QString section;
    QString figure;
    QString unit;
    double value = 0;
    QString baselineName; // "raw", "fsync", or empty
    std::optional<double> baseline;
    TargetKind targetKind = TargetKind::None;
    double limit = 0;

    static BenchRow info(QString section, QString figure, QString unit, double value)
    {
        BenchRow row;
        row.section = std::move(section);
        row.figure = std::move(figure);
        row.unit = std::move(unit);
        row.value = value;
        return row;
    }

    BenchRow against(QString name, double base) const
    {
        BenchRow row = *this;
        row.baselineName = std::move(name);
        row.baseline = base;
        return row;
    }

    BenchRow target(TargetKind kind, double at) const
    {
        BenchRow row = *this;
        row.targetKind = kind;
        row.limit = at;
        return row;
    }

    std::optional<double> ratio() const
    {
        if (!baseline || *baseline <= 0) {
            return std::nullopt;
        }
        return value / *baseline;
    }

    std::optional<bool> passed() const
    {
        if (targetKind == TargetKind::Ratio) {
            const auto r = ratio();
            return r ? std::optional<bool>(*r <= limit) : std::nullopt;
        }
        if (targetKind == TargetKind::Absolute) {
            return value <= limit;
        }
        return std::nullopt;
    }
};

} // namespace Ledgerdesk::Cli
