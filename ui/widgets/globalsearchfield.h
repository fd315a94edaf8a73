#pragma once

#include <core/catalog/globalsearch.h>

#include <QLineEdit>
#include <QList>
#include <QThread>

class QListWidget;
class QTimer;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class GlobalSearchWorker;

// The toolbar's search over everything: SKUs, barcodes, styles, locations, orders, companies and
// open exceptions.
// Hits appear under the field, grouped by kind, a moment after typing stops; the ledger is read
// on a thread of its own. Up/Down pick a hit, Enter or a click chooses it, Escape closes the list.
class GlobalSearchField final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GlobalSearchField)

public:
    static constexpr int kDelayMs = 120;

    explicit GlobalSearchField(Core::Store &store, QWidget *parent = nullptr);
    ~GlobalSearchField() override;

    // The hits of the last finished search, in the order shown.
    const QList<Core::SearchHit> &hits() const { return m_hits; }

    QListWidget *popup() const { return m_popup; }

    // True from a keystroke until its hits are shown.
    bool isSearching() const { return m_searching; }

    // Searches now instead of after the typing pause.
    void searchNow();
    // The hit under the cursor of the list (or the first one) is chosen, as with Enter.
    bool chooseCurrent();

signals:
    void hitChosen(const Ledgerdesk::Core::SearchHit &hit);
    void resultsShown();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void accept(quint64 generation, const QList<Core::SearchHit> &hits, const QString &error);
    void showPopup();
    void moveSelection(int step);
    void choose(int hitIndex);

    QTimer *m_delay = nullptr;
    QListWidget *m_popup = nullptr;
    QThread m_thread;
    GlobalSearchWorker *m_worker = nullptr;
    quint64 m_generation = 0;
    bool m_searching = false;
    QList<Core::SearchHit> m_hits;
};

} // namespace Ledgerdesk::Ui
