#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace Ledgerdesk::Sandbox {

// Reads fault knobs from JSON, refusing unknown keys and out-of-range values with a clear message.
class KnobReader final
{
    Q_DECLARE_TR_FUNCTIONS(KnobReader)

public:
    KnobReader(const QJsonObject &object, QString path);

    double rate(const QString &key, double fallback = 0.0);
    double number(const QString &key, double fallback, double min, double max);
    bool flag(const QString &key, bool fallback = false);
    QString text(const QString &key, const QString &fallback, const QStringList &allowed);
    QJsonObject object(const QString &key);
    QJsonArray array(const QString &key);
    // Fails on the first bad value or on a key no reader asked for.
    Core::Status finish() const;

    QString path() const { return m_path; }

    void fail(const QString &message);

private:
    QJsonObject m_object;
    QString m_path;
    QStringList m_seen;
    QString m_error;
};

struct LatencyKnob
{
    enum class Distribution { None, Fixed, Uniform, LogNormal };
    Distribution distribution = Distribution::None;
    double medianMs = 0;
    double p99Ms = 0;

    int sample(QRandomGenerator &rng) const;
    static LatencyKnob read(KnobReader &reader);
};

struct DownWindow
{
    qint64 startMs = 0; // real milliseconds after start
    qint64 durationMs = 0;
};

// Transport faults shared by every HTTP stand-in.
struct HttpFaults
{
    LatencyKnob latency;
    double resetRate = 0;
    double serverErrorRate = 0;
    double malformedRate = 0;
    double truncatedRate = 0;
    double wrongShapeRate = 0;
    qint64 clockSkewMs = 0;
    QList<DownWindow> down;
    bool forcedDown = false;

    static HttpFaults read(KnobReader &reader);
    QJsonObject toJson() const;
};

} // namespace Ledgerdesk::Sandbox
