#pragma once

#include <core/sync/connectionkinds.h>

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace Ledgerdesk::Ui {

// The fields of one kind of connection. Secrets are typed into password fields and never shown
// again: a stored one only says so.
class ConnectionForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionForm)

public:
    explicit ConnectionForm(QWidget *parent = nullptr);
    ~ConnectionForm() override;

    // Shows `kind`'s fields filled from `options`; `storedSecrets` names the secrets on file.
    void setConnection(const Core::ConnectionKind &kind,
                       const QJsonObject &options,
                       const QSet<QString> &storedSecrets);

    const Core::ConnectionKind &kind() const { return m_kind; }

    // The non-secret fields as typed, trimmed; empty ones left out.
    QJsonObject options() const;
    // The secrets typed now; an empty field means "keep the stored one".
    QHash<QString, QString> typedSecrets() const;

    const QSet<QString> &storedSecrets() const { return m_stored; }

    // Marks the fields with problems and says what is wrong under each; clears the others.
    void showProblems(const QList<Core::ConnectionProblem> &problems);
    void clearProblems();
    QString problemText(const QString &field) const;

    QLineEdit *edit(const QString &field) const;

signals:
    void edited();

private:
    struct Row
    {
        QLineEdit *edit = nullptr;
        QLabel *problem = nullptr;
        QLabel *note = nullptr; // secrets: "stored in the keychain"
    };

    QWidget *makeRow(const Core::ConnectionField &field, Row &row);

    Core::ConnectionKind m_kind;
    QSet<QString> m_stored;
    QFormLayout *m_layout = nullptr;
    QLabel *m_general = nullptr; // problems of the connection as a whole
    QHash<QString, Row> m_rows;
};

} // namespace Ledgerdesk::Ui
