#include "keychainsecretstore.h"

#include <QEventLoop>
#include <QTimer>
#include <QtGlobal>
#include <qt6keychain/keychain.h>

#include <memory>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#include <QDBusConnection>
#include <QDBusError>
#endif

namespace Ledgerdesk::App {

namespace {

struct JobOutcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data;
};

} // namespace

KeychainSecretStore::KeychainSecretStore(std::chrono::milliseconds timeout)
    : m_timeout(timeout)
{}

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("Ledgerdesk");
}

Core::Status KeychainSecretStore::available() const
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    // On Linux every keychain backend sits behind the D-Bus session bus.
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        return Core::makeError(Core::ErrorCode::Unauthorized,
                               tr("no keychain available: no D-Bus session bus (%1)")
                                   .arg(bus.lastError().message().isEmpty()
                                            ? tr("DBUS_SESSION_BUS_ADDRESS is not set")
                                            : bus.lastError().message()));
    }
#endif
    return Core::success();
}

Core::Status KeychainSecretStore::run(QKeychain::Job *job, const QString &key, QByteArray *data)
{
    auto outcome = std::make_shared<JobOutcome>();
    QEventLoop loop;
    job->setAutoDelete(true); // a job that outlives the timeout deletes itself when it ends
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(
        job, &QKeychain::Job::finished, &loop, [outcome, waiting = &loop](QKeychain::Job *done) {
            outcome->finished = true;
            outcome->error = done->error();
            outcome->errorString = done->errorString();
            if (auto *reading = qobject_cast<QKeychain::ReadPasswordJob *>(done)) {
                outcome->data = reading->binaryData();
            }
            waiting->quit();
        });
    QTimer::singleShot(m_timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!outcome->finished) {
        loop.exec();
    }
    if (!outcome->finished) {
        return Core::makeError(Core::ErrorCode::Unauthorized,
                               tr("no keychain available: the keychain did not answer within "
                                  "%1 s")
                                   .arg(double(m_timeout.count()) / 1000.0));
    }
    switch (outcome->error) {
    case QKeychain::NoError:
        if (data != nullptr) {
            *data = outcome->data;
        }
        return Core::success();
    case QKeychain::EntryNotFound:
        return Core::makeError(Core::ErrorCode::NotFound, tr("no secret stored for %1").arg(key));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Core::makeError(Core::ErrorCode::Unauthorized,
                               tr("no keychain available: %1").arg(outcome->errorString));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Core::makeError(
            Core::ErrorCode::Unauthorized,
            tr("the keychain refused access to %1: %2").arg(key, outcome->errorString));
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return Core::makeError(Core::ErrorCode::Io,
                           tr("keychain error for %1: %2").arg(key, outcome->errorString));
}

Core::Result<QByteArray> KeychainSecretStore::read(const QString &key)
{
    if (const Core::Status reachable = available(); !reachable) {
        return reachable.error();
    }
    QByteArray secret;
    const Core::Status done = run(new QKeychain::ReadPasswordJob(serviceName()), key, &secret);
    if (!done) {
        return done.error();
    }
    return secret;
}

Core::Status KeychainSecretStore::write(const QString &key, const QByteArray &secret)
{
    if (const Core::Status reachable = available(); !reachable) {
        return reachable;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setBinaryData(secret);
    return run(job, key);
}

Core::Status KeychainSecretStore::remove(const QString &key)
{
    if (const Core::Status reachable = available(); !reachable) {
        return reachable;
    }
    return run(new QKeychain::DeletePasswordJob(serviceName()), key);
}

} // namespace Ledgerdesk::App
