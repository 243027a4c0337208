package ChatKit::Model::ErrorResponse;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    {   arg      => 'error',
        key      => 'error',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::Error' }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ErrorResponse - The body of every error response.

=head1 DESCRIPTION

The body of every error response.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ErrorResponse->new(...);
    my $same  = ChatKit::Model::ErrorResponse->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item error (required)

C<error>: ChatKit::Model::Error. What went wrong.

=item has_error

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
