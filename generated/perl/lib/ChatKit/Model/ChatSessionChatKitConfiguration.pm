package ChatKit::Model::ChatSessionChatKitConfiguration;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    {   arg      => 'automatic_thread_titling',
        key      => 'automatic_thread_titling',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionAutomaticThreadTitling' }
    },
    {   arg      => 'file_upload',
        key      => 'file_upload',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionFileUpload' }
    },
    {   arg      => 'history',
        key      => 'history',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionHistory' }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionChatKitConfiguration - ChatKit configuration for the session.

=head1 DESCRIPTION

ChatKit configuration for the session.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSessionChatKitConfiguration->new(...);
    my $same  = ChatKit::Model::ChatSessionChatKitConfiguration->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item automatic_thread_titling (required)

C<automatic_thread_titling>: ChatKit::Model::ChatSessionAutomaticThreadTitling. Automatic thread titling preferences.

=item has_automatic_thread_titling

=item file_upload (required)

C<file_upload>: ChatKit::Model::ChatSessionFileUpload. Upload settings for the session.

=item has_file_upload

=item history (required)

C<history>: ChatKit::Model::ChatSessionHistory. History retention configuration.

=item has_history

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
