#include "connectionbook.h"

#include <core/sync/connectionkinds.h>
#include <core/sync/secretstore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace Ledgerdesk::Core {

namespace {

const QString kFormat = QStringLiteral("ledgerdesk-connection");

} // namespace

ConnectionBook::ConnectionBook(QString path)
    : m_path(std::move(path))
{}

Result<ConnectionBook::Parsed> ConnectionBook::parse(const QString &file,
                                                     SecretStore &secrets) const
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Io,
                         tr("cannot read the connection file %1: %2")
                             .arg(QDir::toNativeSeparators(file), in.errorString()));
    }
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject()) {
        return makeError(ErrorCode::Validation,
                         tr("the connection file %1 is not valid JSON (%2 at byte %3)")
                             .arg(QDir::toNativeSeparators(file),
                                  jsonError.error != QJsonParseError::NoError
                                      ? jsonError.errorString()
                                      : tr("not an object"))
                             .arg(jsonError.offset));
    }
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != kFormat) {
        return makeError(ErrorCode::Validation,
                         tr("%1 is not a Ledgerdesk connection file (no \"format\": \"%2\")")
                             .arg(QDir::toNativeSeparators(file), kFormat));
    }
    const QJsonValue systems = object.value(QStringLiteral("systems"));
    if (!systems.isUndefined() && !systems.isObject()) {
        return makeError(ErrorCode::Validation,
                         tr("the connection file %1 has a \"systems\" entry that is not an object")
                             .arg(QDir::toNativeSeparators(file)));
    }
    Parsed parsed;
    parsed.header = object;
    parsed.header.remove(QStringLiteral("systems"));
    const QJsonObject entries = systems.toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (!it.value().isObject()
            || it.value().toObject().value(QStringLiteral("kind")).toString().isEmpty()) {
            return makeError(ErrorCode::Validation,
                             tr("the connection file %1 names system \"%2\" without a kind")
                                 .arg(QDir::toNativeSeparators(file), it.key()));
        }
    }
    // Secrets are only written once the whole file has been checked.
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        auto settings = ConnectionSettings::fromConnectionFile(object, it.key(), secrets);
        if (!settings) {
            return settings.error();
        }
        parsed.connections.append(settings.value());
        const QJsonObject entry = it.value().toObject();
        for (auto field = entry.begin(); field != entry.end(); ++field) {
            parsed.hadSecrets = parsed.hadSecrets || ConnectionSettings::isSecretField(field.key());
        }
    }
    return parsed;
}

Status ConnectionBook::load(SecretStore &secrets)
{
    if (!QFileInfo::exists(m_path)) {
        m_header = {};
        m_connections.clear();
        m_unreadable.clear();
        m_loadedSecrets = false;
        return success();
    }
    auto parsed = parse(m_path, secrets);
    if (!parsed) {
        m_unreadable = parsed.error().message;
        return parsed.error();
    }
    m_unreadable.clear();
    m_header = parsed.value().header;
    m_connections = parsed.value().connections;
    m_loadedSecrets = parsed.value().hadSecrets;
    return success();
}

Status ConnectionBook::importFile(const QString &file, SecretStore &secrets)
{
    auto parsed = parse(file, secrets);
    if (!parsed) {
        return parsed.error();
    }
    for (const ConnectionSettings &settings : parsed.value().connections) {
        put(settings);
    }
    return success();
}

Status ConnectionBook::save() const
{
    if (!m_unreadable.isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("the connection file %1 was not saved: the file there could not be "
                            "read, so saving would lose it (%2)")
                             .arg(QDir::toNativeSeparators(m_path), m_unreadable));
    }
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return makeError(
            ErrorCode::Io,
            tr("cannot create the folder for %1").arg(QDir::toNativeSeparators(m_path)));
    }
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::Io,
                         tr("cannot write the connection file %1: %2")
                             .arg(QDir::toNativeSeparators(m_path), out.errorString()));
    }
    out.write(QJsonDocument(toConnectionFile()).toJson(QJsonDocument::Indented));
    if (!out.commit()) {
        return makeError(ErrorCode::Io,
                         tr("cannot write the connection file %1: %2")
                             .arg(QDir::toNativeSeparators(m_path), out.errorString()));
    }
    return success();
}

std::optional<ConnectionSettings> ConnectionBook::find(const QString &system) const
{
    for (const ConnectionSettings &settings : m_connections) {
        if (settings.system == system) {
            return settings;
        }
    }
    return std::nullopt;
}

void ConnectionBook::put(const ConnectionSettings &settings)
{
    for (ConnectionSettings &existing : m_connections) {
        if (existing.system == settings.system) {
            existing = settings;
            return;
        }
    }
    m_connections.append(settings);
}

bool ConnectionBook::remove(const QString &system)
{
    for (qsizetype i = 0; i < m_connections.size(); ++i) {
        if (m_connections.at(i).system == system) {
            m_connections.removeAt(i);
            return true;
        }
    }
    return false;
}

QJsonObject ConnectionBook::toConnectionFile() const
{
    QJsonObject file = m_header;
    file.insert(QStringLiteral("format"), kFormat);
    if (!file.contains(QStringLiteral("version"))) {
        file.insert(QStringLiteral("version"), 1);
    }
    QJsonObject systems;
    for (const ConnectionSettings &settings : m_connections) {
        QJsonObject entry;
        entry.insert(QStringLiteral("kind"), settings.kind);
        for (auto it = settings.options.begin(); it != settings.options.end(); ++it) {
            // Settings never carry secrets; this keeps a mistaken one out of the file too.
            if (!ConnectionSettings::isSecretField(it.key()) && it.key() != u"kind") {
                entry.insert(it.key(), it.value());
            }
        }
        systems.insert(settings.system, entry);
    }
    file.insert(QStringLiteral("systems"), systems);
    return file;
}

QString ConnectionBook::secretKey(const QString &system, const QString &field)
{
    return system + u'/' + field;
}

bool ConnectionBook::hasSecret(SecretStore &secrets, const QString &system, const QString &field)
{
    const auto secret = secrets.read(secretKey(system, field));
    return secret && !secret.value().isEmpty();
}

Status ConnectionBook::forgetSecrets(SecretStore &secrets, const ConnectionSettings &settings)
{
    const auto kind = ConnectionKinds::byKind(settings.kind);
    if (!kind) {
        return success();
    }
    for (const QString &field : kind->secretFields()) {
        const Status removed = secrets.remove(secretKey(settings.system, field));
        if (!removed) {
            return removed;
        }
    }
    return success();
}

} // namespace Ledgerdesk::Core
