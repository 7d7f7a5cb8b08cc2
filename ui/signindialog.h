#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace tether {

struct SignInProgress;

// While the user signs in at the provider: what is happening, the address (to copy into another
// browser) or the code to enter on another device, hints that come up while waiting, and Cancel.
// Non-modal; the sign-in's end closes it.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    explicit SignInDialog(const QString &accountName, QWidget *parent = nullptr);
    void showProgress(const SignInProgress &progress);
    QLineEdit *urlEdit() const { return m_url; }
    QLabel *noticeLabel() const { return m_notice; }
    QLabel *qrLabel() const { return m_qr; }

private:
    QLabel *m_text;
    QLineEdit *m_url;
    QLabel *m_code;
    QLabel *m_qr; // the device sign-in's address as a QR code, for a phone
    QLabel *m_notice;
};

} // namespace tether
