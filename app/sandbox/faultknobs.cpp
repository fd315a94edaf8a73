#include "faultknobs.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace Ledgerdesk::Sandbox {

KnobReader::KnobReader(const QJsonObject &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{}

void KnobReader::fail(const QString &message)
{
    if (m_error.isEmpty()) {
        m_error = message;
    }
}

double KnobReader::rate(const QString &key, double fallback)
{
    return number(key, fallback, 0.0, 1.0);
}

double KnobReader::number(const QString &key, double fallback, double min, double max)
{
    m_seen << key;
    if (!m_object.contains(key)) {
        return fallback;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isDouble() || value.toDouble() < min || value.toDouble() > max) {
        fail(tr("%1.%2 must be a number from %3 to %4.").arg(m_path, key).arg(min).arg(max));
        return fallback;
    }
    return value.toDouble();
}

bool KnobReader::flag(const QString &key, bool fallback)
{
    m_seen << key;
    if (!m_object.contains(key)) {
        return fallback;
    }
    if (!m_object.value(key).isBool()) {
        fail(tr("%1.%2 must be true or false.").arg(m_path, key));
        return fallback;
    }
    return m_object.value(key).toBool();
}

QString KnobReader::text(const QString &key, const QString &fallback, const QStringList &allowed)
{
    m_seen << key;
    if (!m_object.contains(key)) {
        return fallback;
    }
    const QString value = m_object.value(key).toString();
    if (!allowed.contains(value)) {
        fail(tr("%1.%2 must be one of %3.").arg(m_path, key, allowed.join(QStringLiteral(", "))));
        return fallback;
    }
    return value;
}

QJsonObject KnobReader::object(const QString &key)
{
    m_seen << key;
    if (m_object.contains(key) && !m_object.value(key).isObject()) {
        fail(tr("%1.%2 must be an object.").arg(m_path, key));
    }
    return m_object.value(key).toObject();
}

QJsonArray KnobReader::array(const QString &key)
{
    m_seen << key;
    if (m_object.contains(key) && !m_object.value(key).isArray()) {
        fail(tr("%1.%2 must be an array.").arg(m_path, key));
    }
    return m_object.value(key).toArray();
}

Core::Status KnobReader::finish() const
{
    if (!m_error.isEmpty()) {
        return Core::makeError(Core::ErrorCode::Validation, m_error);
    }
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_seen.contains(it.key())) {
            return Core::makeError(Core::ErrorCode::Validation,
                                   tr("Unknown fault knob %1.%2.").arg(m_path, it.key()));
        }
    }
    return Core::success();
}

int LatencyKnob::sample(QRandomGenerator &rng) const
{
    switch (distribution) {
    case Distribution::None:
        return 0;
    case Distribution::Fixed:
        return int(medianMs);
    case Distribution::Uniform:
        return int(rng.bounded(std::max(1.0, 2 * medianMs)));
    case Distribution::LogNormal: {
        // Box-Muller normal, scaled so the 99th percentile lands on p99Ms.
        const double u1 = std::max(1e-12, rng.generateDouble());
        const double u2 = rng.generateDouble();
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * M_PI * u2);
        const double sigma
            = std::log(std::max(p99Ms, medianMs + 1) / std::max(1.0, medianMs)) / 2.326;
        return int(std::min(60000.0, std::max(1.0, medianMs) * std::exp(sigma * z)));
    }
    }
    return 0;
}

LatencyKnob LatencyKnob::read(KnobReader &reader)
{
    LatencyKnob knob;
    const QString kind = reader.text(QStringLiteral("distribution"),
                                     QStringLiteral("none"),
                                     {QStringLiteral("none"),
                                      QStringLiteral("fixed"),
                                      QStringLiteral("uniform"),
                                      QStringLiteral("lognormal")});
    knob.distribution = kind == u"fixed"       ? Distribution::Fixed
                        : kind == u"uniform"   ? Distribution::Uniform
                        : kind == u"lognormal" ? Distribution::LogNormal
                                               : Distribution::None;
    knob.medianMs = reader.number(QStringLiteral("medianMs"), 0, 0, 60000);
    knob.p99Ms = reader.number(QStringLiteral("p99Ms"), knob.medianMs * 4, 0, 60000);
    return knob;
}

HttpFaults HttpFaults::read(KnobReader &reader)
{
    HttpFaults faults;
    KnobReader latency(reader.object(QStringLiteral("latency")),
                       reader.path() + QStringLiteral(".latency"));
    faults.latency = LatencyKnob::read(latency);
    faults.resetRate = reader.rate(QStringLiteral("resetRate"));
    faults.serverErrorRate = reader.rate(QStringLiteral("serverErrorRate"));
    faults.malformedRate = reader.rate(QStringLiteral("malformedRate"));
    faults.truncatedRate = reader.rate(QStringLiteral("truncatedRate"));
    faults.wrongShapeRate = reader.rate(QStringLiteral("wrongShapeRate"));
    faults.clockSkewMs
        = qint64(reader.number(QStringLiteral("clockSkewSeconds"), 0, -86400.0, 86400.0) * 1000);
    faults.forcedDown = reader.flag(QStringLiteral("down"));
    const QJsonArray windows = reader.array(QStringLiteral("downWindows"));
    for (const QJsonValue &w : windows) {
        KnobReader window(w.toObject(), reader.path() + QStringLiteral(".downWindows[]"));
        DownWindow down;
        down.startMs = qint64(window.number(QStringLiteral("startSeconds"), 0, 0, 1e7) * 1000);
        down.durationMs
            = qint64(window.number(QStringLiteral("durationSeconds"), 0, 0, 1e7) * 1000);
        if (const Core::Status status = window.finish(); !status.ok()) {
            reader.fail(status.error().message);
        }
        faults.down << down;
    }
    if (const Core::Status status = latency.finish(); !status.ok()) {
        reader.fail(status.error().message);
    }
    return faults;
}

QJsonObject HttpFaults::toJson() const
{
    QJsonArray windows;
    for (const DownWindow &w : down) {
        windows.append(
            QJsonObject{{QStringLiteral("startSeconds"), double(w.startMs) / 1000},
                        {QStringLiteral("durationSeconds"), double(w.durationMs) / 1000}});
    }
    return {{QStringLiteral("latencyMedianMs"), latency.medianMs},
            {QStringLiteral("resetRate"), resetRate},
            {QStringLiteral("serverErrorRate"), serverErrorRate},
            {QStringLiteral("malformedRate"), malformedRate},
            {QStringLiteral("truncatedRate"), truncatedRate},
            {QStringLiteral("wrongShapeRate"), wrongShapeRate},
            {QStringLiteral("clockSkewSeconds"), double(clockSkewMs) / 1000},
            {QStringLiteral("down"), forcedDown},
            {QStringLiteral("downWindows"), windows}};
}

} // namespace Ledgerdesk::Sandbox
