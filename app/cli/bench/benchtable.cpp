#include "benchtable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Ledgerdesk::Cli {

namespace {

QString number(double value)
{
    if (value >= 10000) {
        return QString::number(value, 'f', 0);
    }
    if (value >= 100) {
        return QString::number(value, 'f', 1);
    }
    return QString::number(value, 'f', 2);
}

QString targetText(const BenchRow &row)
{
    switch (row.targetKind) {
    case TargetKind::Ratio:
        return QStringLiteral("<= %1x %2").arg(row.limit).arg(row.baselineName);
    case TargetKind::Absolute:
        return QStringLiteral("<= %1 %2").arg(row.limit).arg(row.unit);
    case TargetKind::None:
        break;
    }
    return QString();
}

QString resultText(const BenchRow &row)
{
    const auto passed = row.passed();
    if (!passed) {
        return QString();
    }
    return *passed ? QStringLiteral("PASS") : QStringLiteral("MISS");
}

} // namespace

void printBenchTable(QTextStream &out, const QList<BenchRow> &rows, const QStringList &notes)
{
    const QString format = QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n");
    out << '\n'
        << format.arg(QStringLiteral("section"), -12)
               .arg(QStringLiteral("figure"), -16)
               .arg(QStringLiteral("app"), 18)
               .arg(QStringLiteral("baseline"), 24)
               .arg(QStringLiteral("ratio"), 8)
               .arg(QStringLiteral("target"), -16)
               .arg(QStringLiteral("result"));
    for (const BenchRow &row : rows) {
        const QString baseline = row.baseline
                                     ? row.baselineName + QStringLiteral(" ")
                                           + number(*row.baseline) + QStringLiteral(" ") + row.unit
                                     : QString();
        const auto ratio = row.ratio();
        out << format.arg(row.section, -12)
                   .arg(row.figure, -16)
                   .arg(number(row.value) + QStringLiteral(" ") + row.unit, 18)
                   .arg(baseline, 24)
                   .arg(ratio ? number(*ratio) + QStringLiteral("x") : QString(), 8)
                   .arg(targetText(row), -16)
                   .arg(resultText(row));
    }
    int misses = 0;
    int targets = 0;
    for (const BenchRow &row : rows) {
        if (const auto passed = row.passed()) {
            ++targets;
            misses += *passed ? 0 : 1;
        }
    }
    out << '\n' << targets - misses << " of " << targets << " targets met\n";
    for (const QString &note : notes) {
        out << "note: " << note << '\n';
    }
    out.flush();
}

Core::Status
writeBenchJson(const QString &file, const QList<BenchRow> &rows, const QStringList &notes)
{
    QJsonArray figures;
    for (const BenchRow &row : rows) {
        QJsonObject o{{QStringLiteral("section"), row.section},
                      {QStringLiteral("figure"), row.figure},
                      {QStringLiteral("unit"), row.unit},
                      {QStringLiteral("value"), row.value}};
        if (row.baseline) {
            o.insert(QStringLiteral("baseline"), row.baselineName);
            o.insert(QStringLiteral("baselineValue"), *row.baseline);
        }
        if (const auto ratio = row.ratio()) {
            o.insert(QStringLiteral("ratio"), *ratio);
        }
        if (const auto passed = row.passed()) {
            o.insert(QStringLiteral("target"), targetText(row));
            o.insert(QStringLiteral("pass"), *passed);
        }
        figures.append(o);
    }
    const QJsonObject root{{QStringLiteral("figures"), figures},
                           {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson()) < 0
        || !out.commit()) {
        return Core::makeError(Core::ErrorCode::Io,
                               QStringLiteral("cannot write %1: %2").arg(file, out.errorString()));
    }
    return Core::success();
}

} // namespace Ledgerdesk::Cli
