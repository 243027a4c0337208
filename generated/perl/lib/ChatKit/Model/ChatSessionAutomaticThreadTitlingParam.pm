package ChatKit::Model::ChatSessionAutomaticThreadTitlingParam;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS
    = (
    { arg => 'enabled', key => 'enabled', required => 0, secret => 0, type => { t => 'boolean' } },
    );

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionAutomaticThreadTitlingParam - Controls whether ChatKit automatically generates thread titles.

=head1 DESCRIPTION

Controls whether ChatKit automatically generates thread titles.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSessionAutomaticThreadTitlingParam->new(...);
    my $same  = ChatKit::Model::ChatSessionAutomaticThreadTitlingParam->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item enabled

C<enabled>: Bool. Enable automatic thread title generation. Defaults to true.

=item has_enabled

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
