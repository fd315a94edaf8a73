#include "connectionspanel.h"

#include <core/sync/connectionkinds.h>
#include <core/sync/secretstore.h>
#include <ui/pages/connectionform.h>
#include <ui/theme.h>

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

namespace {

constexpr int kSystemRole = Qt::UserRole;

QString coloured(const QColor &colour, const QString &text)
{
    return QStringLiteral("<span style=\"color: %1;\">%2</span>")
        .arg(colour.name(), text.toHtmlEscaped());
}

QColor okColour()
{
    return QColor(0x1b, 0x7a, 0x3d);
}

} // namespace

ConnectionsPanel::ConnectionsPanel(Core::SecretStore &secrets,
                                   const QString &connectionBookPath,
                                   QWidget *parent)
    : QWidget(parent)
    , m_secrets(secrets)
    , m_book(connectionBookPath)
    , m_probe(new Core::ConnectionProbe(this))
{
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Remove connection"), question) == QMessageBox::Yes;
    };

    m_systems = new QListWidget(this);
    m_systems->setObjectName(QStringLiteral("systems"));
    m_systems->setAccessibleName(tr("Connected systems"));
    m_systems->setFixedWidth(220);
    m_systems->setSpacing(2);
    for (const Core::ConnectionKind &kind : Core::ConnectionKinds::all()) {
        auto *item = new QListWidgetItem(kind.title, m_systems);
        item->setData(kSystemRole, kind.system);
    }
    m_systems->setCurrentRow(0);

    m_heading = new QLabel(this);
    m_heading->setTextFormat(Qt::RichText);
    m_form = new ConnectionForm(this);

    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setDefault(true);
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("test"));
    m_cancel = new QPushButton(tr("Cancel test"), this);
    m_cancel->setObjectName(QStringLiteral("cancelTest"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("remove"));
    m_import = new QPushButton(tr("&Import connection file…"), this);
    m_import->setObjectName(QStringLiteral("import"));
    m_import->setToolTip(tr("Takes the systems of a connection file, such as the one "
                            "ledgerdesk-sandbox writes; its secrets go to the keychain."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_test);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_remove);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(120);
    m_busy->setMaximumHeight(12);
    m_busy->hide();
    m_testStatus = new QLabel(this);
    m_testStatus->setObjectName(QStringLiteral("testStatus"));
    m_testStatus->setWordWrap(true);
    m_testStatus->setTextFormat(Qt::RichText);
    auto *testLine = new QHBoxLayout;
    testLine->addWidget(m_busy);
    testLine->addWidget(m_testStatus, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->hide();

    m_bookLabel = new QLabel(this);
    m_bookLabel->setWordWrap(true);
    m_bookLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette muted = m_bookLabel->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_bookLabel->setPalette(muted);

    auto *detail = new QWidget(this);
    auto *right = new QVBoxLayout(detail);
    right->setContentsMargins(12, 0, 0, 0);
    right->addWidget(m_heading);
    right->addWidget(m_form);
    right->addLayout(buttons);
    right->addLayout(testLine);
    right->addWidget(m_message);
    right->addStretch(1);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_bookLabel, 1);
    footer->addWidget(m_import);
    right->addLayout(footer);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(detail);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_systems);
    layout->addWidget(scroll, 1);

    connect(m_systems, &QListWidget::currentRowChanged, this, [this] {
        cancelTest();
        showSystem();
    });
    connect(m_save, &QPushButton::clicked, this, &ConnectionsPanel::save);
    connect(m_test, &QPushButton::clicked, this, &ConnectionsPanel::testConnection);
    connect(m_cancel, &QPushButton::clicked, this, &ConnectionsPanel::cancelTest);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsPanel::removeCurrent);
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Import connection file"), {}, tr("Connection files (*.json)"));
        if (!file.isEmpty()) {
            importFile(file);
        }
    });
    connect(m_form, &ConnectionForm::edited, this, [this] { m_message->hide(); });
    connect(m_probe, &Core::ConnectionProbe::progress, this, &ConnectionsPanel::onProbeProgress);
    connect(m_probe, &Core::ConnectionProbe::finished, this, &ConnectionsPanel::onProbeFinished);

    reload();
}

ConnectionsPanel::~ConnectionsPanel() = default;

void ConnectionsPanel::setConfirm(std::function<bool(const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

void ConnectionsPanel::reload()
{
    const Core::Status loaded = m_book.load(m_secrets);
    m_bookProblem = loaded ? QString() : loaded.error().message;
    m_bookLabel->setText(tr("Saved in %1 (addresses only; secrets stay in the keychain).")
                             .arg(QDir::toNativeSeparators(m_book.path())));
    updateList();
    showSystem();
    if (loaded && m_book.loadedSecrets()) {
        // A file with secrets in it (as the sandbox writes one): they are in the keychain now.
        const Core::Status saved = m_book.save();
        showMessage(saved ? tr("The secrets in this file were moved to the keychain and taken "
                               "out of the file.")
                          : saved.error().message,
                    !saved);
    }
}

QString ConnectionsPanel::currentSystem() const
{
    const QListWidgetItem *item = m_systems->currentItem();
    return item ? item->data(kSystemRole).toString() : QString();
}

bool ConnectionsPanel::selectSystem(const QString &system)
{
    for (int row = 0; row < m_systems->count(); ++row) {
        if (m_systems->item(row)->data(kSystemRole).toString() == system) {
            m_systems->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void ConnectionsPanel::updateList()
{
    for (int row = 0; row < m_systems->count(); ++row) {
        QListWidgetItem *item = m_systems->item(row);
        const QString system = item->data(kSystemRole).toString();
        const auto kind = Core::ConnectionKinds::bySystem(system);
        const bool saved = m_book.find(system).has_value();
        item->setText(QStringLiteral("%1\n%2").arg(kind ? kind->title : system,
                                                   saved ? tr("Set up") : tr("Not set up")));
    }
}

QSet<QString> ConnectionsPanel::storedSecrets(const QString &system) const
{
    QSet<QString> stored;
    if (const auto kind = Core::ConnectionKinds::bySystem(system)) {
        for (const QString &field : kind->secretFields()) {
            if (Core::ConnectionBook::hasSecret(m_secrets, system, field)) {
                stored.insert(field);
            }
        }
    }
    return stored;
}

void ConnectionsPanel::showSystem()
{
    const QString system = currentSystem();
    const auto kind = Core::ConnectionKinds::bySystem(system);
    if (!kind) {
        return;
    }
    const auto saved = m_book.find(system);
    m_heading->setText(
        QStringLiteral("<b>%1</b> &nbsp; %2")
            .arg(kind->title.toHtmlEscaped(),
                 saved ? tr("Set up; edit and save to change it.").toHtmlEscaped()
                       : tr("Not set up yet. Fill in the fields and save.").toHtmlEscaped()));
    m_form->setConnection(*kind, saved ? saved->options : QJsonObject(), storedSecrets(system));
    m_testStatus->clear();
    m_lastProbeOk = false;
    if (m_bookProblem.isEmpty()) {
        m_message->hide();
    } else {
        showMessage(tr("The saved connections could not be read, so nothing is saved until the "
                       "file is fixed or moved: %1")
                        .arg(m_bookProblem),
                    true);
    }
    updateButtons();
}

void ConnectionsPanel::updateButtons()
{
    const bool testing = m_probe->isRunning();
    m_test->setEnabled(!testing);
    m_cancel->setVisible(testing);
    m_busy->setVisible(testing);
    m_save->setEnabled(m_bookProblem.isEmpty());
    m_import->setEnabled(m_bookProblem.isEmpty());
    m_remove->setEnabled(m_bookProblem.isEmpty() && m_book.find(currentSystem()).has_value());
}

void ConnectionsPanel::showMessage(const QString &text, bool problem)
{
    m_message->setText(coloured(problem ? Theme::outOfStockText() : okColour(), text));
    m_message->show();
}

QString ConnectionsPanel::messageText() const
{
    return m_message->isHidden() ? QString()
                                 : QTextDocumentFragment::fromHtml(m_message->text()).toPlainText();
}

QString ConnectionsPanel::testResultText() const
{
    return QTextDocumentFragment::fromHtml(m_testStatus->text()).toPlainText();
}

QString ConnectionsPanel::summary() const
{
    return tr("%1 of %2 systems set up")
        .arg(m_book.connections().size())
        .arg(Core::ConnectionKinds::all().size());
}

Core::ConnectionSettings ConnectionsPanel::formSettings() const
{
    Core::ConnectionSettings settings;
    settings.system = m_form->kind().system;
    settings.kind = m_form->kind().kind;
    // Options the form does not show (page sizes, timeouts …) stay as they were.
    if (const auto saved = m_book.find(settings.system)) {
        settings.options = saved->options;
    }
    for (const Core::ConnectionField &field : m_form->kind().fields) {
        settings.options.remove(field.key);
    }
    const QJsonObject typed = m_form->options();
    for (auto it = typed.begin(); it != typed.end(); ++it) {
        settings.options.insert(it.key(), it.value());
    }
    settings.options = Core::ConnectionKinds::completed(settings.kind, settings.options);
    return settings;
}

bool ConnectionsPanel::save()
{
    if (!m_bookProblem.isEmpty()) {
        return false;
    }
    const Core::ConnectionSettings settings = formSettings();
    const QHash<QString, QString> typed = m_form->typedSecrets();
    QSet<QString> available = m_form->storedSecrets();
    for (auto it = typed.begin(); it != typed.end(); ++it) {
        available.insert(it.key());
    }
    const auto problems
        = Core::ConnectionKinds::validate(settings.kind, settings.options, available);
    if (!problems.isEmpty()) {
        m_form->showProblems(problems);
        showMessage(tr("Nothing was saved; correct the fields marked in red."), true);
        return false;
    }
    m_form->clearProblems();
    for (auto it = typed.begin(); it != typed.end(); ++it) {
        const Core::Status written = m_secrets.write(
            Core::ConnectionBook::secretKey(settings.system, it.key()), it.value().toUtf8());
        if (!written) {
            showMessage(tr("Nothing was saved: the keychain did not take the %1 (%2).")
                            .arg(it.key(), written.error().message),
                        true);
            return false;
        }
    }
    Core::ConnectionBook updated = m_book;
    updated.put(settings);
    if (const Core::Status saved = updated.save(); !saved) {
        showMessage(saved.error().message, true);
        return false;
    }
    m_book = updated;
    const auto kind = m_form->kind();
    m_form->setConnection(kind, settings.options, storedSecrets(settings.system));
    updateList();
    updateButtons();
    showMessage(typed.isEmpty() ? tr("Saved.") : tr("Saved; the secrets are in the keychain."),
                false);
    emit connectionsChanged();
    return true;
}

void ConnectionsPanel::testConnection()
{
    if (m_probe->isRunning()) {
        return;
    }
    const Core::ConnectionSettings settings = formSettings();
    QHash<QString, QString> secrets = m_form->typedSecrets();
    for (const QString &field : m_form->kind().secretFields()) {
        if (!secrets.contains(field) && m_form->storedSecrets().contains(field)) {
            const auto stored
                = m_secrets.read(Core::ConnectionBook::secretKey(settings.system, field));
            if (stored) {
                secrets.insert(field, QString::fromUtf8(stored.value()));
            }
        }
    }
    m_lastProbeOk = false;
    m_testStatus->setText(tr("Testing …"));
    m_probe->start(settings, secrets);
    updateButtons();
}

void ConnectionsPanel::cancelTest()
{
    m_probe->cancel();
}

void ConnectionsPanel::onProbeProgress(const QString &text)
{
    m_testStatus->setText(text.toHtmlEscaped());
}

void ConnectionsPanel::onProbeFinished(const Core::ProbeResult &result)
{
    m_lastProbeOk = result.ok();
    if (result.ok()) {
        m_testStatus->setText(coloured(okColour(), QStringLiteral("✔ ") + result.message));
    } else if (result.outcome == Core::ProbeResult::Outcome::Cancelled) {
        m_testStatus->setText(result.message.toHtmlEscaped());
    } else {
        m_testStatus->setText(
            coloured(Theme::outOfStockText(), QStringLiteral("✖ ") + result.message));
    }
    updateButtons();
}

bool ConnectionsPanel::removeCurrent()
{
    const QString system = currentSystem();
    const auto saved = m_book.find(system);
    if (!saved || !m_bookProblem.isEmpty()) {
        return false;
    }
    const auto kind = Core::ConnectionKinds::bySystem(system);
    if (m_confirm
        && !m_confirm(tr("Remove the %1 connection and its secrets from the keychain?")
                          .arg(kind ? kind->title : system))) {
        return false;
    }
    cancelTest();
    Core::ConnectionBook updated = m_book;
    updated.remove(system);
    if (const Core::Status written = updated.save(); !written) {
        showMessage(written.error().message, true);
        return false;
    }
    m_book = updated;
    const Core::Status forgotten = Core::ConnectionBook::forgetSecrets(m_secrets, *saved);
    updateList();
    showSystem();
    showMessage(
        forgotten
            ? tr("Removed.")
            : tr("Removed, but the keychain kept its secrets: %1").arg(forgotten.error().message),
        !forgotten);
    emit connectionsChanged();
    return true;
}

bool ConnectionsPanel::importFile(const QString &file)
{
    if (!m_bookProblem.isEmpty()) {
        return false;
    }
    Core::ConnectionBook updated = m_book;
    if (const Core::Status imported = updated.importFile(file, m_secrets); !imported) {
        showMessage(imported.error().message, true);
        return false;
    }
    if (const Core::Status written = updated.save(); !written) {
        showMessage(written.error().message, true);
        return false;
    }
    m_book = updated;
    updateList();
    showSystem();
    showMessage(tr("Imported %1.").arg(QDir::toNativeSeparators(file)), false);
    emit connectionsChanged();
    return true;
}

} // namespace Ledgerdesk::Ui
