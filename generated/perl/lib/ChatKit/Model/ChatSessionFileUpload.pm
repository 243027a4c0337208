package ChatKit::Model::ChatSessionFileUpload;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    { arg => 'enabled', key => 'enabled', required => 1, secret => 0, type => { t => 'boolean' } },
    {   arg      => 'max_file_size',
        key      => 'max_file_size',
        required => 1,
        secret   => 0,
        type     => { t => 'nullable', of => { t => 'integer' } }
    },
    {   arg      => 'max_files',
        key      => 'max_files',
        required => 1,
        secret   => 0,
        type     => { t => 'nullable', of => { t => 'integer' } }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionFileUpload - Upload permissions and limits applied to the session.

=head1 DESCRIPTION

Upload permissions and limits applied to the session.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSessionFileUpload->new(...);
    my $same  = ChatKit::Model::ChatSessionFileUpload->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item enabled (required)

C<enabled>: Bool. Indicates if uploads are enabled for the session.

=item has_enabled

=item max_file_size (required)

C<max_file_size>: Maybe[Int]. Maximum upload size in megabytes; null when uploads are disabled.

=item has_max_file_size

=item max_files (required)

C<max_files>: Maybe[Int]. Maximum number of uploads allowed during the session; null when uploads are disabled.

=item has_max_files

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
