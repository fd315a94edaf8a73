#pragma once

#include <core/sync/connectionbook.h>
#include <core/sync/connectionprobe.h>

#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace Ledgerdesk::Core {
class SecretStore;
}

namespace Ledgerdesk::Ui {

class ConnectionForm;

// The connected systems: one entry per kind on the left, its form on the right. Save writes the
// connection book and the keychain; Test connection asks the system without saving.
class ConnectionsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsPanel)

public:
    ConnectionsPanel(Core::SecretStore &secrets,
                     const QString &connectionBookPath,
                     QWidget *parent = nullptr);
    ~ConnectionsPanel() override;

    // Reads the book again and shows the selected system from it.
    void reload();
    bool selectSystem(const QString &system);
    QString currentSystem() const;

    bool save();
    void testConnection();
    void cancelTest();
    bool removeCurrent();
    bool importFile(const QString &file);

    // Asked before a connection and its secrets are removed; a dialog unless replaced.
    void setConfirm(std::function<bool(const QString &question)> confirm);

    ConnectionForm *form() const { return m_form; }

    Core::ConnectionProbe *probe() const { return m_probe; }

    const Core::ConnectionBook &book() const { return m_book; }

    QPushButton *saveButton() const { return m_save; }

    QPushButton *testButton() const { return m_test; }

    QPushButton *cancelButton() const { return m_cancel; }

    QPushButton *removeButton() const { return m_remove; }

    QString messageText() const;
    QString testResultText() const;

    bool testSucceeded() const { return m_lastProbeOk; }

    QString summary() const;

signals:
    void connectionsChanged();

private:
    void showSystem();
    void updateList();
    void updateButtons();
    void showMessage(const QString &text, bool problem);
    void onProbeProgress(const QString &text);
    void onProbeFinished(const Core::ProbeResult &result);
    QSet<QString> storedSecrets(const QString &system) const;
    Core::ConnectionSettings formSettings() const;

    Core::SecretStore &m_secrets;
    Core::ConnectionBook m_book;
    QString m_bookProblem;
    Core::ConnectionProbe *m_probe = nullptr;
    std::function<bool(const QString &)> m_confirm;
    bool m_lastProbeOk = false;

    QListWidget *m_systems = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_bookLabel = nullptr;
    ConnectionForm *m_form = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_testStatus = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace Ledgerdesk::Ui
